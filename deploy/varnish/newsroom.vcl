# Varnish (Debian's varnish 7.x) in front of Newsroom's gunicorn.
#
#   varnishd -a :80 -f /etc/varnish/newsroom.vcl -p vcl_path=/etc/varnish -s malloc,256m
#
# (newsroom.service.conf is the systemd drop-in for Debian's unit) with this file and
# backend.vcl in /etc/varnish, and in the application's environment
#   NEWSROOM_PURGE_BACKEND=newsroom.pagecache.purge.VarnishBan
#   NEWSROOM_PURGE_URLS=http://127.0.0.1:80
# so that every change to public content bans the cached pages (README "Performance").
vcl 4.1;

# The application server: backend.vcl defines the backend "default".
include "backend.vcl";

# Who may ban and purge: the application servers only.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "BAN") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        # Every page of this host; static and media files keep (their content never changes under a name).
        # Written against obj.* only, so the ban lurker can clear the objects in the background.
        ban("obj.http.x-newsroom-host == " + req.http.host + " && obj.http.x-newsroom-url !~ ^/(static|media)/");
        return (synth(200, "Banned"));
    }
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        return (purge);
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Staff (Django's session cookie) and the admin never get or leave a cached page.
    if (req.url ~ "^/admin/" || req.http.Cookie ~ "(^|;\s*)sessionid=" || req.http.Authorization) {
        return (pass);
    }
    # Public pages are the same for every anonymous visitor: other cookies do not matter.
    unset req.http.Cookie;
    return (hash);
}

sub vcl_backend_response {
    # Only what the application marked cacheable (public, s-maxage bounded by the next scheduled
    # publication); a 404 or redirect without Cache-Control must not linger past a publication.
    if (!beresp.http.Cache-Control) {
        set beresp.uncacheable = true;
        set beresp.ttl = 0s;
        return (deliver);
    }
    # Never serve a stale copy: a release scheduled for 10:00 is public at 10:00.
    set beresp.grace = 0s;
    set beresp.http.x-newsroom-host = bereq.http.host;
    set beresp.http.x-newsroom-url = bereq.url;
}

sub vcl_deliver {
    unset resp.http.x-newsroom-host;
    unset resp.http.x-newsroom-url;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
