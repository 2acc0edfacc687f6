#!/usr/bin/env python3
# Peer for the publish measurement (README, quire publish): the same login and createonly edits with
# urllib, nothing else. Usage: QUIRE_BOT_PASSWORD=… publish_peer.py API USER TITLE_PREFIX N
import json, os, sys, time, urllib.parse, urllib.request, http.cookiejar
api, user, prefix, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
password = os.environ["QUIRE_BOT_PASSWORD"]
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
def call(**p):
    p.update(format="json", formatversion="2")
    return json.load(opener.open(api, urllib.parse.urlencode(p).encode()))
start = time.time()
t = call(action="query", meta="tokens", type="login")["query"]["tokens"]["logintoken"]
assert call(action="login", lgname=user, lgpassword=password, lgtoken=t)["login"]["result"] == "Success"
csrf = call(action="query", meta="tokens")["query"]["tokens"]["csrftoken"]
for i in range(1, n + 1):
    r = call(action="edit", title="Page:%s-%d.png" % (prefix, i), text="<noinclude><pagequality level=\"1\" user=\"Admin\" /></noinclude>Palabra%d y otras palabras de la pagina<noinclude></noinclude>" % i,
             summary="peer", createonly="1", **{"assert": "user"}, maxlag="5", token=csrf, bot="1")
    assert r.get("edit", {}).get("result") == "Success", r
print("%.2f s" % (time.time() - start))
