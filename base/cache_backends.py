"""Redis as the shared cache, failing soft.

Django's own RedisCache raises when Redis is down, and every page that touches the cache
(the page cache, image renditions) would answer 500. With this backend a Redis outage
makes the cache behave as an empty one: reads miss, writes are dropped, a warning is
logged, and the site keeps answering — uncached, and slower — until Redis is back. The
health endpoint (lpp/health.py) shows the outage.
"""

import functools
import logging

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger("lpp.cache")

OUTAGE_ERRORS = (RedisConnectionError, RedisTimeoutError, OSError)


def _soft(default=None):
    def decorate(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            try:
                return method(self, *args, **kwargs)
            except OUTAGE_ERRORS as error:
                logger.warning("Redis svarer ikke (%s): siden svarer uten cache.", error)
                return default(*args, **kwargs) if callable(default) else default

        return wrapper

    return decorate


def _default_argument(key, default=None, *args, **kwargs):
    return default


class ResilientRedisCache(RedisCache):
    get = _soft(_default_argument)(RedisCache.get)
    set = _soft()(RedisCache.set)
    add = _soft(False)(RedisCache.add)
    touch = _soft(False)(RedisCache.touch)
    delete = _soft(False)(RedisCache.delete)
    has_key = _soft(False)(RedisCache.has_key)
    incr = _soft()(RedisCache.incr)
    get_many = _soft(dict)(RedisCache.get_many)
    set_many = _soft(list)(RedisCache.set_many)
    delete_many = _soft()(RedisCache.delete_many)
    clear = _soft(False)(RedisCache.clear)
