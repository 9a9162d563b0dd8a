//! Records (`<build>/r/<i>.js`): what a result shows of an article, its
//! sections' text cut to an excerpt so that several records fit a small
//! file; written by [`record_json`], read as [`Record`].

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::analyzer::{Mode, surface_forms};

/// One item of `<build>/r/<i>.js`: what a result needs to be shown.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// Article id.
    pub id: String,
    /// Site-relative URL.
    pub url: String,
    /// Title.
    pub title: String,
    /// Tier id.
    pub tier: String,
    /// Category id.
    pub category: String,
    /// Titles of its sections from the top (absent when it has none).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub trail: Vec<String>,
    /// Article type.
    #[serde(rename = "type")]
    pub doc_type: String,
    /// Description.
    pub description: String,
    /// Sections, in article order; `text` is an excerpt of the section
    /// (see [`record_json`]).
    pub sections: Vec<RecordSection>,
    /// The article is internal; written (as `true`) in the agents' build only.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub internal: bool,
    /// Its KCS state, written only when it is not validated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<String>,
}

/// A section of a record. Written `[heading, text]` when its anchor is
/// [`heading_anchor`] of its heading (most are: a heading's id is its words
/// joined by `-`), else `[anchor, heading, text]` (`null` for none): the
/// anchor is then not sent twice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordSection {
    /// Heading id (`None` for the text before the first heading).
    pub anchor: Option<String>,
    /// Heading text.
    pub heading: Option<String>,
    /// Plain-text excerpt of the section.
    pub text: String,
}

/// The anchor a record leaves out: the heading's words as a query reads
/// them (lower-cased, folded; FORMAT.md, "Analysis") joined by `-`
/// (`Cómo verificar la red` → `como-verificar-la-red`).
pub fn heading_anchor(heading: &str) -> String {
    surface_forms(Mode::Query, heading).join("-")
}

impl Serialize for RecordSection {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match (&self.anchor, &self.heading) {
            (Some(anchor), Some(heading)) if *anchor == heading_anchor(heading) => {
                (heading, &self.text).serialize(serializer)
            }
            _ => (&self.anchor, &self.heading, &self.text).serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for RecordSection {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Written {
            Derived(String, String),
            Whole(Option<String>, Option<String>, String),
        }
        Ok(match Written::deserialize(deserializer)? {
            Written::Derived(heading, text) => RecordSection {
                anchor: Some(heading_anchor(&heading)),
                heading: Some(heading),
                text,
            },
            Written::Whole(anchor, heading, text) => RecordSection {
                anchor,
                heading,
                text,
            },
        })
    }
}

/// Bytes of section text kept per record (see [`record_json`]).
pub const RECORD_TEXT_BYTES: usize = 1_200;

/// At most this many bytes of a section's beginning are kept.
const OPENING_BYTES: usize = 160;

/// Characters kept around a word occurrence the record must show.
const WINDOW_BEFORE: usize = 60;
const WINDOW_AFTER: usize = 110;

/// Records per record file.
pub const RECORDS_PER_FILE: usize = 4;

/// Separator between the kept pieces of a section's text.
pub const GAP: &str = " … ";

/// The record of an article as JSON (the shape of [`Record`]).
///
/// The text of the sections is cut to about [`RECORD_TEXT_BYTES`] in all,
/// so that several records fit a small file: first a window around the
/// first occurrence of each word in `show` (the words for which this article
/// is a top result, best first, as `(section, byte offset)` — so the snippet
/// of a one-word query shows and highlights the word, in the section it
/// links to), then the beginning of every section, the remaining budget
/// shared fairly. Kept pieces are joined with [`GAP`]; a cut start or end
/// is marked with "…".
pub fn record_json(doc: &crate::SearchDocument, show: &[(usize, usize)]) -> Box<[u8]> {
    #[derive(Serialize)]
    struct R<'a> {
        id: &'a str,
        url: &'a str,
        title: &'a str,
        tier: &'a str,
        category: &'a str,
        #[serde(skip_serializing_if = "<[String]>::is_empty")]
        trail: &'a [String],
        #[serde(rename = "type")]
        doc_type: &'a str,
        description: &'a str,
        sections: Vec<RecordSection>,
        #[serde(skip_serializing_if = "std::ops::Not::not")]
        internal: bool,
        #[serde(skip_serializing_if = "Option::is_none")]
        confidence: Option<&'a str>,
    }
    let texts: Vec<&str> = doc.sections.iter().map(|s| s.text.as_str()).collect();
    let kept = keep_pieces(&texts, show, RECORD_TEXT_BYTES);
    let record = R {
        id: &doc.id,
        url: &doc.url,
        title: &doc.title,
        tier: &doc.tier,
        category: &doc.category,
        trail: &doc.trail,
        doc_type: &doc.doc_type,
        description: &doc.description,
        sections: doc
            .sections
            .iter()
            .zip(kept)
            .map(|(s, pieces)| RecordSection {
                anchor: s.anchor.clone(),
                heading: s.heading.clone(),
                text: join_pieces(&s.text, &pieces),
            })
            .collect(),
        internal: doc.internal,
        confidence: doc.confidence.as_deref(),
    };
    serde_json::to_vec(&record)
        .unwrap_or_default()
        .into_boxed_slice()
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// `[from, to)` widened to word boundaries inside `text`, at most as wide.
fn snap(text: &str, from: usize, to: usize) -> (usize, usize) {
    let mut from = floor_boundary(text, from);
    let mut to = floor_boundary(text, to);
    let space = |b: &u8| matches!(b, b' ' | b'\n' | b'\t' | b'\r');
    if from > 0
        && let Some(k) = text.as_bytes()[from..to].iter().position(space)
    {
        from += k + 1;
    }
    if to < text.len()
        && let Some(k) = text.as_bytes()[from..to].iter().rposition(space)
    {
        to = from + k;
    }
    (from, to.max(from))
}

/// Byte ranges of each section's text to keep (see [`record_json`]).
fn keep_pieces(texts: &[&str], show: &[(usize, usize)], budget: usize) -> Vec<Vec<(usize, usize)>> {
    let mut kept: Vec<Vec<(usize, usize)>> = vec![Vec::new(); texts.len()];
    let mut used = 0;
    for &(section, offset) in show {
        let Some(text) = texts.get(section) else {
            continue;
        };
        if offset >= text.len()
            || kept[section]
                .iter()
                .any(|&(a, b)| a <= offset && offset < b)
        {
            continue;
        }
        let (a, b) = snap(
            text,
            offset.saturating_sub(WINDOW_BEFORE),
            offset + WINDOW_AFTER,
        );
        if used + (b - a) > budget {
            break;
        }
        used += b - a;
        kept[section].push((a, b));
    }
    // Section beginnings, the rest of the budget shared fairly.
    let lengths: Vec<usize> = texts.iter().map(|t| t.len()).collect();
    let mut order: Vec<usize> = (0..texts.len()).collect();
    order.sort_by_key(|&i| lengths[i]);
    let mut left = budget.saturating_sub(used);
    for (k, &i) in order.iter().enumerate() {
        let share = (left / (texts.len() - k))
            .min(lengths[i])
            .min(OPENING_BYTES);
        left -= share;
        if share > 0 {
            let (a, b) = if share == lengths[i] {
                (0, share)
            } else {
                snap(texts[i], 0, share)
            };
            if b > a {
                kept[i].push((a, b));
            }
        }
    }
    for pieces in &mut kept {
        pieces.sort_unstable();
        let mut merged: Vec<(usize, usize)> = Vec::with_capacity(pieces.len());
        for &(a, b) in pieces.iter() {
            match merged.last_mut() {
                Some(last) if a <= last.1 + 1 => last.1 = last.1.max(b),
                _ => merged.push((a, b)),
            }
        }
        *pieces = merged;
    }
    kept
}

/// The kept pieces of `text`, joined with [`GAP`], "…" marking cut ends.
fn join_pieces(text: &str, pieces: &[(usize, usize)]) -> String {
    if pieces == [(0, text.len())] {
        return text.to_string();
    }
    let mut out = String::new();
    for (k, &(a, b)) in pieces.iter().enumerate() {
        if k > 0 {
            out.push_str(GAP);
        } else if a > 0 {
            out.push_str("… ");
        }
        out.push_str(text[a..b].trim());
    }
    if pieces.last().is_some_and(|&(_, b)| b < text.len()) {
        out.push_str(" …");
    }
    out
}
