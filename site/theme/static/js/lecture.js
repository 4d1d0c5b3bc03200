// Lecture page enhancement: transcript times seek the video, and an address ending in #t=754
// starts the video at 754 s. Without this script the transcript and its time links still work
// as ordinary anchors.
(function () {
  "use strict";

  var video = document.getElementById("lecture-video");
  var transcript = document.getElementById("transcript");
  if (!video || !transcript) return;

  var TIME_FRAGMENT = /^#t=(\d+(?:\.\d+)?)$/;
  var segments = Array.prototype.slice.call(transcript.querySelectorAll("li[data-start]"));

  function secondsIn(hash) {
    var match = TIME_FRAGMENT.exec(hash || "");
    return match ? parseFloat(match[1]) : null;
  }

  // The media element accepts a position only once it knows the duration (HAVE_METADATA).
  function seek(seconds) {
    function apply() {
      video.currentTime = seconds;
    }
    if (video.readyState >= 1) {
      apply();
    } else {
      video.addEventListener("loadedmetadata", apply, { once: true });
      if (video.preload === "none") video.load();
    }
  }

  // Mark the segment being played, so readers can follow along.
  function markCurrent(seconds) {
    var current = null;
    segments.forEach(function (item) {
      if (parseFloat(item.getAttribute("data-start")) <= seconds + 0.25) current = item;
    });
    segments.forEach(function (item) {
      if (item === current) item.setAttribute("aria-current", "true");
      else item.removeAttribute("aria-current");
    });
  }

  transcript.addEventListener("click", function (event) {
    var link = event.target.closest("a.transcript__time");
    if (!link) return;
    var seconds = secondsIn(link.getAttribute("href"));
    if (seconds === null) return;
    event.preventDefault();
    // Keep the address shareable without jumping the page down to the segment.
    history.replaceState(null, "", link.getAttribute("href"));
    seek(seconds);
    markCurrent(seconds);
    video.scrollIntoView({ block: "nearest" });
    var playing = video.play();
    if (playing && playing.catch) playing.catch(function () {});
  });

  window.addEventListener("hashchange", function () {
    var seconds = secondsIn(window.location.hash);
    if (seconds !== null) seek(seconds);
  });

  video.addEventListener("timeupdate", function () {
    markCurrent(video.currentTime);
  });

  var hint = document.getElementById("transcript-hint");
  if (hint) hint.hidden = false;

  var start = secondsIn(window.location.hash);
  if (start !== null) {
    seek(start);
    markCurrent(start);
  }
})();
