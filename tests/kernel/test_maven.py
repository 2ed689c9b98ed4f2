"""%maven: Maven artifacts and their runtime dependencies on the class path, through a real kernel
and the real mvn (local repository first, Maven Central if needed)."""
import os
import time

import pytest

from tests.kernel.conftest import run, start_kernel

TEXT = "org.apache.commons:commons-text:1.12.0"  # depends on commons-lang3 at run time


@pytest.fixture(scope="module")
def fresh_cache_kernel(kernel_env, tmp_path_factory):
    """A kernel whose resolved-jars cache starts empty, so the first %maven really runs Maven."""
    env = dict(kernel_env, XDG_CACHE_HOME=str(tmp_path_factory.mktemp("cache")))
    km, kc = start_kernel(env)
    yield km, kc, env["XDG_CACHE_HOME"]
    kc.stop_channels()
    km.shutdown_kernel(now=False)


def test_maven_adds_an_artifact_and_its_dependencies(fresh_cache_kernel):
    _, kc, cache = fresh_cache_kernel
    r = run(kc, f"%maven {TEXT}", timeout=300)
    assert r.status == "ok", r.error
    assert "resolving" in r.stderr
    assert "2 jars (commons-lang3-3.14.0.jar, commons-text-1.12.0.jar)" in r.stdout
    assert run(kc, 'org.apache.commons.text.WordUtils.capitalizeFully("race COURSE")').result["text/plain"] \
        == '"Race Course"'
    assert run(kc, 'org.apache.commons.lang3.StringUtils.reverse("abc")').result["text/plain"] == '"cba"'
    assert os.listdir(os.path.join(cache, "racecourse", "maven"))  # the jars are kept for the next time

    started = time.monotonic()
    again = run(kc, f"%maven {TEXT}")
    assert again.status == "ok" and "resolving" not in again.stderr  # from the cache, no Maven run
    assert time.monotonic() - started < 5


@pytest.mark.parametrize("args, says", [
    ("", "name at least one artifact"),
    ("commons-text", "not a Maven coordinate"),
    ("a:b:1</version></dependency><x>", "not a Maven coordinate"),
    ("g:a:1 " + "x" * 5000, "not a Maven coordinate"),
])
def test_maven_refuses_what_is_not_a_coordinate(fresh_cache_kernel, args, says):
    _, kc, cache = fresh_cache_kernel
    r = run(kc, f"%maven {args}")
    assert r.status == "error"
    assert r.error["ename"] == "MagicError"
    assert says in r.error["evalue"]
    assert len(r.error["evalue"]) < 300


def test_maven_says_what_it_could_not_resolve(fresh_cache_kernel):
    _, kc, cache = fresh_cache_kernel
    r = run(kc, "%maven racecourse.does.not:exist:0.0.1", timeout=300)
    assert r.status == "error"
    assert r.error["ename"] == "MagicError"
    assert "Maven could not resolve racecourse.does.not:exist:0.0.1" in r.error["evalue"]
    assert "[ERROR]" in r.error["evalue"]
    leftovers = [n for n in os.listdir(os.path.join(cache, "racecourse", "maven")) if "partial" in n]
    assert not leftovers, leftovers
    assert run(kc, "1 + 1").result["text/plain"] == "2"
