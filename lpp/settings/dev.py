from .base import *  # noqa: F403
from .base import env_list

DEBUG = True
# A fixed key is fine on a laptop: production refuses to start without its own.
SECRET_KEY = "dev-only-not-secret-9b1f5c0e6a7d4e2f8c3b"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
