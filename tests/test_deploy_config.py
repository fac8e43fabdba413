"""docs/nginx-lab.conf, the proxy set-up docs/DEPLOY.md gives for a class: its nested-path rule sends
/<page>/<more> to /<page> and leaves Streamlit's own paths alone, and its session affinity is by a
cookie it sets itself (a class behind one router shares one client address)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

CONF = (Path(__file__).resolve().parents[1] / "docs" / "nginx-lab.conf").read_text()


def nested_rule() -> tuple[re.Pattern, str]:
    """The redirecting location's regex (PCRE, which Python's re reads the same here) and its target."""
    found = re.search(r'location ~ "([^"]+)" \{\s*return 302 (\S+);', CONF)
    assert found, "no redirecting location in docs/nginx-lab.conf"
    return re.compile(found.group(1)), found.group(2)


def redirect(path: str) -> str | None:
    """Where nginx sends path (the query is kept by $is_args$args), or None when it proxies it."""
    pattern, target = nested_rule()
    match = pattern.match(path)
    return None if match is None else target.replace("$1", match.group(1)).replace("$is_args$args", "")


@pytest.mark.parametrize(("path", "lands_on"), [
    ("/inputs/x", "/inputs"),
    ("/loss-surface/x/y", "/loss-surface"),
    ("/training/index.html", "/training"),
])
def test_a_path_of_two_segments_goes_to_its_first(path, lands_on):
    assert redirect(path) == lands_on


@pytest.mark.parametrize("path", [
    "/", "/inputs", "/loss-surface", "/inputs/",               # pages
    "/_stcore/stream", "/_stcore/health", "/_stcore/upload_file/s/f",
    "/static/js/index.js", "/media/abc.png", "/component/x/index.html", "/app/static/a.png",
    "/inputs/_stcore/stream", "/inputs/_stcore/health",        # what a page asks for first
    "/loss-surface/static/js/index.js",
])
def test_pages_and_streamlits_own_paths_are_proxied(path):
    assert redirect(path) is None


def test_affinity_is_by_the_cookie_the_proxy_sets():
    upstream = re.search(r"upstream lab \{(.*?)\}", CONF, re.S).group(1)
    assert "ip_hash" not in upstream
    key = re.search(r"hash \$(\w+) consistent;", upstream).group(1)
    # the key is the cookie when the browser has it, else this request's id ...
    key_map = re.search(r"map \$cookie_(\w+) \$" + key + r" \{(.*?)\}", CONF, re.S)
    cookie, cases = key_map.group(1), key_map.group(2)
    assert re.search(r'""\s+\$request_id;', cases) and re.search(r"default\s+\$cookie_" + cookie + ";", cases)
    # ... which is what the proxy sets as that cookie when the browser has none
    set_map = re.search(r"map \$cookie_" + cookie + r" \$(\w+) \{(.*?)\}", CONF.replace(key_map.group(0), ""), re.S)
    assert re.search(r'""\s+"' + cookie + r"=\$request_id; Path=/", set_map.group(2))
    assert re.search(r"add_header Set-Cookie \$" + set_map.group(1) + ";", CONF)


def test_the_websocket_is_upgraded():
    assert 'proxy_set_header Upgrade $http_upgrade;' in CONF
    assert 'proxy_set_header Connection "upgrade";' in CONF


def test_scripts_are_compressed_and_kept_by_the_proxy():
    """Streamlit sends its ~8 MB of scripts uncompressed and from Python; the proxy gzips them and
    keeps /static/ (immutable, content-hashed names) in its cache, ahead of the nested-path regex."""
    server = CONF[CONF.index("server {"):]
    assert re.search(r"^\s*gzip on;", server, re.M)
    types = re.search(r"gzip_types ([^;]+);", server).group(1).split()
    assert {"application/javascript", "text/css"} <= set(types)
    static = re.search(r"location \^~ /static/ \{(.*?)\}", server, re.S)
    assert static, "no /static/ location that wins over the regex locations"
    zone = re.search(r"proxy_cache (\w+);", static.group(1)).group(1)
    assert re.search(r"proxy_cache_path \S+ keys_zone=" + zone + r":", CONF)
    assert "proxy_pass http://lab;" in static.group(1)
