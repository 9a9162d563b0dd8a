//! Alerts as the theme shows them: GitHub's `> [!NOTE]` block quotes, and
//! the admonitions of other dialects (`!!! tip "Title"`, `:::warning`,
//! `??? note`) that `dialects` rewrites into them, with their own titles
//! and, for collapsible ones, folded into `<details>`.

use pulldown_cmark::BlockQuoteKind;

use super::i18n::UiText;
use super::markdown::escape_attr;
use crate::dialects::Admonition;

/// The alerts open in a body, innermost last, by the tag that closes each.
#[derive(Debug, Default)]
pub(super) struct Alerts {
    open: Vec<&'static str>,
}

impl Alerts {
    /// The HTML that opens an alert of `kind`, shown as `admonition` says
    /// when it comes from another dialect.
    pub(super) fn open(
        &mut self,
        kind: BlockQuoteKind,
        admonition: Option<&Admonition>,
        text: &UiText,
    ) -> String {
        let (class, key) = class_and_label(kind);
        let title = admonition
            .and_then(|a| a.title.as_deref())
            .map_or_else(|| escape_attr(text.get(key)), escape_attr);
        match admonition.and_then(|a| a.collapsible) {
            Some(expanded) => {
                self.open.push("</details>\n");
                let open = if expanded { " open" } else { "" };
                format!(
                    "<details class=\"alert alert-{class}\"{open}><summary class=\"alert-title\">{title}</summary>\n"
                )
            }
            None => {
                self.open.push("</div>\n");
                let title = if title.is_empty() {
                    String::new()
                } else {
                    format!("<p class=\"alert-title\">{title}</p>")
                };
                format!("<div class=\"alert alert-{class}\" role=\"note\">{title}\n")
            }
        }
    }

    /// The HTML that closes the innermost alert.
    pub(super) fn close(&mut self) -> &'static str {
        self.open.pop().unwrap_or("</div>\n")
    }
}

fn class_and_label(kind: BlockQuoteKind) -> (&'static str, &'static str) {
    match kind {
        BlockQuoteKind::Note => ("note", "alert_note"),
        BlockQuoteKind::Tip => ("tip", "alert_tip"),
        BlockQuoteKind::Important => ("important", "alert_important"),
        BlockQuoteKind::Warning => ("warning", "alert_warning"),
        BlockQuoteKind::Caution => ("caution", "alert_caution"),
    }
}
