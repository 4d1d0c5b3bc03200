"""A visitor finds a sentence of a lecture's transcript through site search and lands on that
moment of the video, in a real browser (Debian's Chromium driven by Playwright).

The video is the real seed file (70 minutes of VP9): the test reads the media element's own
`currentTime` after the browser finished seeking, which only stays at 754 s if the media server
answered the browser's range requests (without them Chromium jumps back to 0).

Django's test live server answers `/media/` itself, through a handler that ignores `Range`;
`site_server` is the same live server without that shortcut, so `/media/` reaches the
project's URLconf (cms/media_serving.py) as it does under gunicorn.
"""

from urllib.parse import urlparse

import pytest
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.management import call_command
from django.test import override_settings
from pytest_django.live_server_helper import LiveServer

from .pages import publish_lecture, video_document

pytestmark = [pytest.mark.engine, pytest.mark.build, pytest.mark.browser]

# Resolves with the player's position once no seek is pending.
SETTLED_POSITION = """
() => new Promise((resolve) => {
  const video = document.getElementById("lecture-video");
  const report = () => resolve({
    currentTime: video.currentTime,
    seekableEnd: video.seekable.length ? video.seekable.end(0) : 0,
    readyState: video.readyState,
  });
  if (video.readyState >= 1 && !video.seeking) report();
  else video.addEventListener("seeked", report, { once: true });
})
"""


@pytest.fixture
def site_server(transactional_db):
    """pytest-django's live server, minus Django's test-only media handler (see above)."""
    server = LiveServer("localhost", start=False)
    server.thread.static_handler = lambda media_handler: StaticFilesHandler(
        media_handler.application
    )
    server.start()
    yield server
    server.stop()


@pytest.fixture
def built_site(transactional_db, learning, site_server, search_engine, run_build, tmp_path):
    lecture = publish_lecture(learning, stream_url="", video=video_document())
    with override_settings(SITE_OUTPUT_DIR=tmp_path / "site"):
        call_command("search_reindex", verbosity=0)
        assert run_build(site_server.url, tmp_path / "site").returncode == 0
        yield site_server.url, lecture


def test_a_transcript_hit_opens_the_video_at_that_moment(built_site, browser_page):
    base, lecture = built_site
    page = browser_page
    hosts = set()
    page.on("request", lambda request: hosts.add(urlparse(request.url).netloc))

    page.goto(base + "/")
    page.fill("#site-search", "经营场所搬迁")
    page.press("#site-search", "Enter")
    hit = page.locator(".search-results a", has_text="食品经营许可办理要点").first
    hit.wait_for()
    assert hit.get_attribute("href") == f"/lectures/{lecture.pk}/#t=754"
    result = page.locator(".search-results li", has_text="食品经营许可办理要点").first
    assert result.locator(".tag").inner_text() == "讲座视频"

    hit.click()
    page.wait_for_url(f"**/lectures/{lecture.pk}/#t=754")
    page.wait_for_function(
        "() => { const v = document.getElementById('lecture-video');"
        " return v && v.readyState >= 1 && v.currentTime > 0; }"
    )
    position = page.evaluate(SETTLED_POSITION)
    assert position["currentTime"] == 754
    assert position["seekableEnd"] == pytest.approx(4200, abs=1)  # the whole video is seekable
    assert page.locator('[id="t=754"]').get_attribute("aria-current") == "true"

    # A click on another time seeks there and makes the address shareable.
    page.locator('a.transcript__time[href="#t=95"]').click()
    page.wait_for_function("() => !document.getElementById('lecture-video').seeking")
    assert page.evaluate(SETTLED_POSITION)["currentTime"] == pytest.approx(95, abs=0.5)
    assert page.evaluate("location.hash") == "#t=95"

    assert hosts == {urlparse(base).netloc}, f"requests left the site: {hosts}"

    # Without JavaScript the transcript, its times and the player are all still there.
    context = page.context.browser.new_context(java_script_enabled=False)
    plain = context.new_page()
    plain.goto(f"{base}/lectures/{lecture.pk}/#t=754")
    assert plain.locator("#lecture-video").count() == 1
    assert plain.locator('[id="t=754"] .transcript__time').inner_text() == "12:34"
    assert "经营场所搬迁了" in plain.locator('[id="t=754"]').inner_text()
    assert plain.locator("#transcript-hint").is_hidden()
    context.close()
