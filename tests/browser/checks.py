"""What the browser suites check of any page, as a visitor's browser shows it: controls a finger
can hit (44 px), each label where a reader looks for it, one h1 and no heading level skipped,
and axe-core's serious or critical violations. axe needs JavaScript (its run waits on timers
that never fire where scripts are off): a page shown with JavaScript off is audited as a copy
of its document in a page of its own with JavaScript on for axe alone, the site's scripts
kept out."""

from contextlib import contextmanager
from pathlib import Path

import axe_playwright_python

from tests.site.test_navigation import heading_problems

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
WIDE = {"viewport": {"width": 1366, "height": 900}}
MIN_TARGET = 44
BLOCKING = {"serious", "critical"}
AXE_SOURCE = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text("utf-8")

# Every visible control's height.
CONTROL_HEIGHTS = """() => [...document.querySelectorAll(
        'main input:not([type=checkbox]):not([type=radio]):not([type=hidden]), main select,'
        + ' main textarea, main button')]
    .filter(control => control.getClientRects().length && control.offsetWidth > 1)
    .map(control => [control.id || control.name || control.tagName, control.offsetHeight])"""


# The visible controls whose label is not where a reader looks for it: right above the control
# or just before it on its row, in one piece (not broken over two lines). A control inside its
# label (a checkbox's) is beside it by construction.
LABELS_ASTRAY = """() => [...document.querySelectorAll('main label[for]')]
    .map(label => [label, document.getElementById(label.htmlFor)])
    .filter(([label, control]) => control && !label.contains(control)
        && control.getClientRects().length && control.offsetWidth > 1)
    .filter(([label, control]) => {
        const l = label.getBoundingClientRect(), c = control.getBoundingClientRect();
        const above = l.bottom <= c.top + 1 && c.top - l.bottom < 24
            && l.left < c.right && c.left < l.right;
        const before = l.top < c.bottom && c.top < l.bottom
            && l.right <= c.left + 1 && c.left - l.right < 48;
        return label.getClientRects().length > 1 || !(above || before);
    })
    .map(([label, control]) => control.id)"""


DESCRIPTION = """control => (control.getAttribute("aria-describedby") || "").split(/\\s+/)
    .map(id => document.getElementById(id)).filter(Boolean)
    .map(node => node.textContent.trim()).join(" ")"""


def description(page, selector: str) -> str:
    """The texts the control's aria-describedby names (its hint and its error), as a screen
    reader announces them after the label."""
    return page.locator(selector).evaluate(DESCRIPTION)


def control_heights(page) -> dict[str, int]:
    return dict(page.evaluate(CONTROL_HEIGHTS))


def short_controls(page) -> dict[str, int]:
    """The visible controls less than 44 px tall, by id (or name)."""
    return {name: h for name, h in control_heights(page).items() if h < MIN_TARGET}


@contextmanager
def scriptless_copy(page):
    """The document `page` shows (a post's answer too: it is not asked for again), at the same
    address and width, its stylesheets and images loaded, its scripts not."""
    document, html = page.url.split("#")[0], page.content()

    def serve(route):
        if route.request.url == document:
            route.fulfill(body=html, content_type="text/html; charset=utf-8")
        elif route.request.resource_type == "script":
            route.abort()
        else:
            route.continue_()

    context = page.context.browser.new_context(viewport=page.viewport_size)
    try:
        copy = context.new_page()
        copy.route("**/*", serve)
        copy.goto(document)
        yield copy
    finally:
        context.close()


def violations(page) -> list[dict]:
    """axe-core's serious and critical violations on the page as it is now (its JavaScript on)."""
    page.evaluate("source => (0, eval)(source)", AXE_SOURCE)
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    assert result["testEngine"]["name"] == "axe-core"  # it ran, not a page that blocked it
    return [v for v in result["violations"] if v["impact"] in BLOCKING]


def violation_lines(page) -> list[str]:
    """Each blocking violation as its rule, impact and first offending elements."""
    return [
        f"{violation['id']} ({violation['impact']}): "
        f"{[node['target'] for node in violation['nodes'][:3]]}"
        for violation in violations(page)
    ]


def page_problems(page) -> dict[str, list]:
    """Everything wrong with the page shown with JavaScript off: short controls, labels away
    from their controls, its outline, content wider than the screen, axe's findings (empty
    when nothing is)."""
    with scriptless_copy(page) as copy:
        axe = violation_lines(copy)
    width = page.evaluate("document.documentElement.scrollWidth")
    problems = {
        "controls under 44 px": sorted(short_controls(page).items()),
        "labels not beside their controls": page.evaluate(LABELS_ASTRAY),
        "headings": heading_problems(page.content()),
        "wider than the screen": [width] if width > page.viewport_size["width"] else [],
        "axe": axe,
    }
    return {kind: found for kind, found in problems.items() if found}
