"""One HTML page from a story: headings numbered without gaps, the contents, the sections, then the template.

The templates (``templates/html/case_study.html.j2``, ``teaching_note.html.j2``) run in jinja2's sandbox with
autoescape on: document text reaches them as data and is escaped; only the charts' SVG, made here from numbers
and escaped text, is passed as markup.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from jinja2 import ChoiceLoader, FileSystemLoader, StrictUndefined
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from casebook.model.case import Case
from casebook.render.html.colors import palette
from casebook.render.html.story import Block, CaseStudy, Story, TeachingNote
from casebook.render.outline import CASE_STUDY_LEAVES_OUT, by_method, follow, outline
from casebook.render.pdf.markup import label
from casebook.resources import templates_dir
from casebook.theme import Theme
from casebook.wording import Wording, template_errors


@cache
def _environment(template_dirs: tuple[str, ...]) -> SandboxedEnvironment:
    """The user's template folders first, then the built-in ones; autoescape on (these templates write HTML)."""
    loaders = [FileSystemLoader(d) for d in template_dirs]
    loaders.append(FileSystemLoader(str(templates_dir())))
    return SandboxedEnvironment(loader=ChoiceLoader(loaders), autoescape=True, undefined=StrictUndefined,
                                trim_blocks=True, lstrip_blocks=True)


def _levels(sections: list[list[Block]]) -> None:
    """Give every heading its HTML level: sections h2, their parts h3, sub-parts h4, never skipping a level."""
    previous = 1  # the page's h1 is the title
    for section in sections:
        for block in section:
            if block["type"] != "heading":
                continue
            level = min(2 + block["level"], previous + 1)
            block["h"] = level
            previous = level


def _contents(sections: list[list[Block]]) -> list[dict[str, Any]]:
    """The contents: each section, with its parts that go in the contents under it."""
    entries: list[dict[str, Any]] = []
    for section in sections:
        for block in section:
            if block["type"] != "heading" or not block["toc"]:
                continue
            entry = {"text": block["text"], "href": "#" + block["id"], "children": []}
            if block["level"] == 0 or not entries:
                entries.append(entry)
            else:
                entries[-1]["children"].append(entry)
    return entries


def _page(template: str, story: Story, cover: dict[str, Any], sections: list[list[Block]], wording: Wording,
          theme: Theme, *, subject: str, title: str, **extra: Any) -> bytes:
    sections = [s for s in sections if s]
    _levels(sections)
    labels = wording.labels
    w = wording.module("html/wording.j2")
    stamp = ""
    if wording.recipient:
        stamp, subject = personal_texts(wording, subject, wording.recipient)
    for section in sections:
        for block in section:
            if block["type"] == "figure" and block["svg"]:
                block["svg"] = Markup(block["svg"])  # noqa: S704 (made by charts.inline_svg: numbers and escaped text)
    context = {
        "case": story.case, "labels": labels, "w": w, "colors": palette(theme), "cover": cover,
        "sections": sections, "contents": _contents(sections), "stamp": stamp, "subject": subject, "title": title,
        "lang": label(labels.pdf_lang), "institution": theme.institution, **extra,
    }
    with template_errors(template):
        html = _environment(wording.template_dirs).get_template(template).render(**context)
    lines = [line.rstrip() for line in html.strip().splitlines()]
    return ("\n".join(line for line in lines if line) + "\n").encode("utf-8")


# The copies of one case prepared for each student differ only in the reader named on them: the story (sections,
# notes, charts) is made once per process and used again while the case, the theme and the compiled templates are
# the very same objects (a template edited on disk compiles anew, a case read again is a new object).
_MADE: list[tuple[tuple[Any, ...], Any]] = []
_KEEP = 4


def _made(kind: str, case: Case, wording: Wording, theme: Theme, names: tuple[str, ...], make: Any) -> Any:
    same = (kind, theme, wording.template_dirs)  # equal is enough
    very = (case, *(wording.template(n) for n in names))  # the very same objects
    for (kept_same, kept_very), made in _MADE:
        if kept_same == same and len(kept_very) == len(very) and all(a is b for a, b in zip(kept_very, very, strict=True)):
            return made
    made = make()
    _MADE.insert(0, ((same, very), made))
    del _MADE[_KEEP:]
    return made


def personal_texts(wording: Wording, subject: str, recipient: str) -> tuple[str, str]:
    """What names ``recipient`` in a page whose subject is ``subject``: the reader's line and the personal subject."""
    labels = wording.labels
    return label(labels.prepared_for(recipient)), label(labels.personal_subject(subject, recipient))


def case_study_subject(case: Case, wording: Wording) -> str:
    """The case study's subject, before any reader is named in it."""
    return label(wording.labels.pdf_subject(case))


def build_case_study(case: Case, wording: Wording, theme: Theme) -> bytes:
    def make() -> tuple[Story, dict[str, Any], list[list[Block]]]:
        from casebook.render.html.exhibits import Exhibits
        from casebook.render.pdf.style import make_look

        look = make_look(_passing_theme(theme))
        story = CaseStudy(case, wording, None)
        story.charts = Exhibits(case, wording.labels, wording.module("html/wording.j2"), look)
        cover = story.cover()
        return story, cover, follow(outline(case).case_study, by_method(story), leave_out=CASE_STUDY_LEAVES_OUT)

    story, cover, sections = _made("case study", case, wording, theme, ("labels.j2", "html/wording.j2"), make)
    return _page("html/case_study.html.j2", story, cover, sections, wording, theme,
                 subject=case_study_subject(case, wording), title=case.title)


def build_teaching_note(case: Case, wording: Wording, theme: Theme) -> bytes:
    def make() -> tuple[Story, dict[str, Any], list[list[Block]]]:
        story = TeachingNote(case, wording)
        return story, story.cover(), follow(outline(case).teaching_note, by_method(story))

    story, cover, sections = _made("teaching note", case, wording, theme, ("labels.j2", "teaching.j2"), make)
    t = wording.teaching
    return _page("html/teaching_note.html.j2", story, cover, sections, wording, theme,
                 subject=label(t.pdf_subject(case)), title=label(t.pdf_title(case)), t=t)


def _passing_theme(theme: Theme) -> Theme:
    """``theme`` with the colours of the HTML edition, for the charts' drawings."""
    p = palette(theme)
    colors = theme.colors.model_copy(update={"text": p.text, "muted": p.muted, "primary": p.primary})
    return theme.model_copy(update={"colors": colors})
