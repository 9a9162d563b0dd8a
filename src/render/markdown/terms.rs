//! Ids for the terms of definition lists (`<dt>`), made from their text as
//! a heading's is: a settings reference written as a definition list
//! (`` `publishDir` `` then `: The folder…`) is linked to term by term
//! (`all.md#publishdir`), as Hugo's `autoDefinitionTermID` makes those
//! links work. A term takes its id only when no heading, step or id
//! written on the page has it, so that giving terms ids never moves a
//! heading's; it also answers to GitHub's form of the id
//! (`rendererunsafe` for `renderer.unsafe`).

use pulldown_cmark::{Event, Tag};

use super::escape_attr;
use super::text::plain_text;
use crate::slug::{self, UniqueIds};

/// The terms of a body being written: where each opens in the body's
/// events, and its text.
#[derive(Default)]
pub(super) struct Terms {
    /// Where the term being read opens.
    open: Option<usize>,
    /// Each term read: where it opens and its plain text.
    read: Vec<(usize, String)>,
}

impl Terms {
    /// A term opens at `at` in the body's events.
    pub(super) fn open(&mut self, at: usize) {
        self.open = Some(at);
    }

    /// The term that opened closes: its text is `events` since it opened.
    pub(super) fn close(&mut self, events: &[Event<'_>]) {
        if let Some(at) = self.open.take() {
            let inner = events.get(at + 1..).unwrap_or_default();
            self.read.push((at, plain_text(inner)));
        }
    }

    /// Gives each term read an id that nothing on the page has (`ids`),
    /// in `events`, and adds it to `anchors`.
    pub(super) fn give_ids(
        self,
        events: &mut [Event<'_>],
        ids: &mut UniqueIds,
        anchors: &mut std::collections::BTreeSet<String>,
    ) {
        for (at, text) in self.read {
            if !matches!(events.get(at), Some(Event::Start(Tag::DefinitionListTitle))) {
                continue;
            }
            let forms = [slug::slugify(&text), slug::github_heading_id(&text)];
            let mut taken = Vec::new();
            for form in forms {
                if !form.is_empty() && !taken.contains(&form) && ids.take(&form) {
                    taken.push(form);
                }
            }
            let Some((id, others)) = taken.split_first() else {
                continue;
            };
            let spans: String = (others.iter())
                .map(|other| format!("<span id=\"{}\"></span>", escape_attr(other)))
                .collect();
            events[at] = Event::Html(format!("<dt id=\"{}\">{spans}", escape_attr(id)).into());
            anchors.extend(taken);
        }
    }
}

#[cfg(test)]
mod tests {
    use pulldown_cmark::{Parser, TagEnd};

    use super::*;

    /// The HTML of `markdown` with its terms given ids, headings having
    /// taken `taken` before.
    fn with_ids(markdown: &str, taken: &[&str]) -> String {
        let mut terms = Terms::default();
        let mut events = Vec::new();
        for event in Parser::new_ext(markdown, crate::syntax::options()) {
            match &event {
                Event::Start(Tag::DefinitionListTitle) => terms.open(events.len()),
                Event::End(TagEnd::DefinitionListTitle) => terms.close(&events),
                _ => {}
            }
            events.push(event);
        }
        let mut ids = UniqueIds::default();
        for id in taken {
            ids.claim(id);
        }
        let mut anchors = std::collections::BTreeSet::new();
        terms.give_ids(&mut events, &mut ids, &mut anchors);
        let mut html = String::new();
        pulldown_cmark::html::push_html(&mut html, events.into_iter());
        html
    }

    #[test]
    fn a_term_is_linked_to_by_its_text_unless_the_page_has_that_id() {
        let html = with_ids(
            "`publishDir`\n: The folder.\n\n`renderer.unsafe`\n: Raw HTML.\n\nOverview\n: Taken.\n",
            &["overview"],
        );
        assert!(
            html.contains("<dt id=\"publishdir\"><code>publishDir</code></dt>"),
            "{html}"
        );
        assert!(
            html.contains(
                "<dt id=\"renderer-unsafe\"><span id=\"rendererunsafe\"></span>\
                 <code>renderer.unsafe</code></dt>"
            ),
            "{html}"
        );
        assert!(html.contains("<dt>Overview</dt>"), "{html}");
    }
}
