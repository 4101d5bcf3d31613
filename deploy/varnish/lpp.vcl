vcl 4.1;
# The edge cache for LPP's public site (Debian: /etc/varnish/default.vcl; varnishd -a
# 127.0.0.1:6081). It keeps only what the app marks "Cache-Control: public" (base/cache.py:
# anonymous visitors, published pages) and forgets on publish: the app's frontend cache
# (WAGTAILFRONTENDCACHE, VARNISH_URL) sends "PURGE /" for the host, banned here as a
# prefix, so the edge forgets exactly what the Django page cache forgets.

backend origin {
    # nginx's origin server (deploy/nginx/lpp.conf): static, media, and the app servers.
    .host = "127.0.0.1";
    .port = "8080";
    .connect_timeout = 2s;
    .first_byte_timeout = 60s;
}

acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE" || req.method == "BAN") {
        # Only the app's own PURGE, straight to Varnish: everything nginx passes on comes
        # from 127.0.0.1 too, but carries its X-Forwarded-Proto (nginx also refuses PURGE).
        if (client.ip !~ purgers || req.http.X-Forwarded-Proto || req.method == "BAN") {
            return (synth(405, "Not allowed"));
        }
        # Lurker-friendly ban: every object of this host whose URL starts with the
        # purged path ("/" = the whole site).
        ban("obj.http.x-lpp-host == " + req.http.host + " && obj.http.x-lpp-url ~ ^" + req.url);
        return (synth(200, "Purged"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Never at the edge: the admin (and its previews), document downloads (a collection
    # may be private), the health endpoint, Wagtail's password form.
    if (req.url ~ "^/(admin|dokumenter|helse|_util)(/|$)") {
        return (pass);
    }
    # Logged-in editors and visitors let through a page's password carry a session.
    if (req.http.Authorization || req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);
    }
    # Anonymous: no cookie changes a public page (CSRF tokens only matter for POST).
    unset req.http.Cookie;
    return (hash);
}

sub vcl_backend_response {
    # Remembered for the bans above.
    set beresp.http.x-lpp-host = bereq.http.host;
    set beresp.http.x-lpp-url = bereq.url;
    # Only what the app (or nginx, for static and media) marks public, and nothing that
    # sets a cookie; everything else is fetched every time.
    if (beresp.http.Set-Cookie || beresp.http.Cache-Control !~ "public"
        || beresp.http.Cache-Control ~ "(private|no-store|no-cache)") {
        # Remembered as "fetch every time" for two minutes: with a zero TTL, concurrent
        # requests for the URL would queue behind each other instead.
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # s-maxage gives the TTL and stale-while-revalidate the grace (Varnish reads both).
    return (deliver);
}

sub vcl_deliver {
    unset resp.http.x-lpp-host;
    unset resp.http.x-lpp-url;
    if (obj.hits > 0) {
        set resp.http.X-Edge-Cache = "hit";
    } else {
        set resp.http.X-Edge-Cache = "miss";
    }
    unset resp.http.Via;
    unset resp.http.X-Varnish;
}
