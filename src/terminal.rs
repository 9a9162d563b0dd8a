//! Text bound for a terminal is shown, never obeyed.
//!
//! Titles, descriptions, file names, config values and the source lines
//! of diagnostics reach the terminal of an author or of a support agent
//! (`tier0 search` on a call). A terminal obeys some characters instead of
//! showing them: ESC starts CSI and OSC sequences (clear the screen, move
//! the cursor, write the clipboard with OSC 52, retitle the window), BEL
//! rings, U+009B is CSI in one byte, a lone CR returns to the start of the
//! line to overwrite it, and the bidi embeddings, overrides and isolates
//! (U+202A–U+202E, U+2066–U+2069) reorder what follows, so text can read
//! differently from what it is ("Trojan Source").
//!
//! [`inert`] is the one function that makes text safe to print; every line
//! tier0 prints goes through it ([`say`], [`tell`], [`Inert`], and the
//! snippets of `diagnostics`), and the lint `clippy::print_stdout` keeps
//! `println!` out of the crate. Each such character becomes one visible
//! character: a C0 control or DEL its Unicode control picture (ESC `␛`, BEL
//! `␇`, DEL `␡`), a C1 control or bidi control U+FFFD `�`. One character
//! for one keeps columns and the carets under a diagnostic's snippet where
//! they were, while `\u{1b}`-style escapes would push them right; the
//! picture still says which control it was, so an author can find it.
//! Tab and line feed stay (they are layout, not commands), and so does the
//! CR of a CRLF line ending.
//!
//! The left-to-right and right-to-left marks (U+200E, U+200F, U+061C) stay:
//! right-to-left writers need them, and they only move neutral characters
//! such as punctuation, never reorder letters.

use std::borrow::Cow;
use std::fmt;
use std::io::{self, Write};

/// Whether a terminal may act on `c` instead of showing it (before
/// exceptions for layout: see [`shown_as`]).
pub fn is_control(c: char) -> bool {
    matches!(
        c,
        '\0'..='\x1f' | '\x7f'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
    )
}

/// What `c`, followed by `next`, is shown as: `None` when it is shown as itself.
fn shown_as(c: char, next: Option<char>) -> Option<char> {
    match c {
        '\t' | '\n' => None,
        '\r' if next == Some('\n') => None,
        '\0'..='\x1f' => char::from_u32(0x2400 + u32::from(c)),
        '\x7f' => Some('\u{2421}'),
        _ if is_control(c) => Some(char::REPLACEMENT_CHARACTER),
        _ => None,
    }
}

/// `text` with every character a terminal would obey replaced by a visible one.
pub fn inert(text: &str) -> Cow<'_, str> {
    replaced(text, shown_as)
}

/// `text` for a place that is one line (a file name in a diagnostic's
/// `file:line:col` header, a field of a listing): as [`inert`], and tab,
/// line feed and CR shown as their pictures (`␉`, `␊`, `␍`) too, as a file
/// name or a title may hold them and must not break the line it is in.
pub fn inert_line(text: &str) -> Cow<'_, str> {
    replaced(text, |c, next| match c {
        '\t' | '\n' | '\r' => char::from_u32(0x2400 + u32::from(c)),
        _ => shown_as(c, next),
    })
}

/// `text` with each character that `shown` (given the next one) replaces
/// replaced; borrowed when there is none.
fn replaced(text: &str, shown: impl Fn(char, Option<char>) -> Option<char>) -> Cow<'_, str> {
    // Most text has nothing to replace, and is not copied.
    let first = text.char_indices().find(|&(i, c)| {
        // A CR needs the next character to decide.
        shown(c, text[i + c.len_utf8()..].chars().next()).is_some()
    });
    let Some((start, _)) = first else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len() + 8);
    out.push_str(&text[..start]);
    let mut chars = text[start..].chars().peekable();
    while let Some(c) = chars.next() {
        out.push(shown(c, chars.peek().copied()).unwrap_or(c));
    }
    Cow::Owned(out)
}

/// Where byte offsets of one text land in [`inert`] of it.
///
/// Built in one pass over the text, then asked for any number of offsets
/// (a file with ten thousand problems): scanning the text again for each
/// one took minutes.
#[derive(Debug, Clone, Default)]
pub struct InertOffsets {
    /// Each replaced character's byte offset, and how many bytes longer
    /// the shown text is up to and including it.
    grown: Vec<(usize, usize)>,
}

impl InertOffsets {
    /// The replacements of `text`.
    pub fn new(text: &str) -> Self {
        let mut grown = Vec::new();
        let mut total = 0;
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if let Some(shown) = shown_as(c, chars.peek().map(|&(_, n)| n)) {
                total += shown.len_utf8() - c.len_utf8();
                grown.push((i, total));
            }
        }
        Self { grown }
    }

    /// Where byte `offset` (a character boundary) of the text lands in
    /// [`inert`] of it.
    pub fn shown(&self, offset: usize) -> usize {
        let before = self.grown.partition_point(|&(i, _)| i < offset);
        offset + before.checked_sub(1).map_or(0, |last| self.grown[last].1)
    }
}

/// `value` as pretty JSON whose every character is shown, not obeyed.
///
/// serde_json escapes only U+0000–U+001F inside strings; DEL, the C1
/// controls and the bidi controls would reach the terminal as they are.
/// They are written as `\uXXXX` escapes, which JSON readers decode back:
/// the document means the same. (Outside strings, JSON has only spaces and
/// line feeds.)
pub fn to_json<T: serde::Serialize>(value: &T) -> serde_json::Result<String> {
    let json = serde_json::to_string_pretty(value)?;
    if !json.chars().any(|c| c != '\n' && is_control(c)) {
        return Ok(json);
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if c != '\n' && is_control(c) {
            // Every such character is in the Basic Multilingual Plane.
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Ok(out)
}

/// A writer that passes on only [`inert`] text.
///
/// Bytes may come in any pieces: a character split between two writes, or a
/// CR whose LF comes in the next, is held back until it is whole. Bytes that
/// are not UTF-8 are shown as U+FFFD (a lone byte 0x9B is CSI to an 8-bit
/// terminal).
#[derive(Debug)]
pub struct Inert<W: Write> {
    inner: W,
    held: Vec<u8>,
}

impl<W: Write> Inert<W> {
    /// Wraps `inner`.
    pub fn new(inner: W) -> Self {
        Self {
            inner,
            held: Vec::new(),
        }
    }

    /// Writes the held bytes up to `end`.
    fn pass_on(&mut self, end: usize) -> io::Result<()> {
        let text = String::from_utf8_lossy(&self.held[..end]);
        let shown = inert(&text).into_owned();
        self.held.drain(..end);
        self.inner.write_all(shown.as_bytes())
    }
}

/// How many bytes at the end of `bytes` must wait for the next write: an
/// unfinished UTF-8 sequence, or a CR that may start a CRLF.
fn unfinished(bytes: &[u8]) -> usize {
    if bytes.last() == Some(&b'\r') {
        return 1;
    }
    // A sequence is at most 4 bytes: look at the last 3 for its lead byte.
    for back in 1..=bytes.len().min(3) {
        let b = bytes[bytes.len() - back];
        let needs = match b {
            0xc2..=0xdf => 2,
            0xe0..=0xef => 3,
            0xf0..=0xf4 => 4,
            0x80..=0xbf => continue,
            _ => return 0,
        };
        return if needs > back { back } else { 0 };
    }
    0
}

impl<W: Write> Write for Inert<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.held.extend_from_slice(buf);
        let end = self.held.len() - unfinished(&self.held);
        self.pass_on(end)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.pass_on(self.held.len())?;
        self.inner.flush()
    }
}

impl<W: Write> Drop for Inert<W> {
    fn drop(&mut self) {
        // Errors have nowhere to go here; `flush` reports them to callers
        // that care.
        let _ = self.flush();
    }
}

/// Prints a line on stdout, [`inert`]. A closed stdout (`| head`) is not an error.
pub fn say(line: fmt::Arguments<'_>) {
    let _ = writeln!(Inert::new(io::stdout().lock()), "{line}");
}

/// Prints a line on stderr, [`inert`].
pub fn tell(line: fmt::Arguments<'_>) {
    let _ = writeln!(Inert::new(io::stderr().lock()), "{line}");
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What a terminal must never receive from content.
    fn obeyed(text: &str) -> Option<char> {
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            let crlf = c == '\r' && chars.peek() == Some(&'\n');
            if is_control(c) && !matches!(c, '\t' | '\n') && !crlf {
                return Some(c);
            }
        }
        None
    }

    #[test]
    fn escape_sequences_become_visible_characters() {
        assert_eq!(inert("a\u{1b}[2Jb"), "a␛[2Jb");
        assert_eq!(
            inert("\u{1b}]52;c;ZXZpbA==\u{7}"),
            "␛]52;c;ZXZpbA==␇",
            "OSC 52 clipboard write"
        );
        assert_eq!(inert("\u{9b}31m"), "\u{fffd}31m", "8-bit CSI");
        assert_eq!(inert("x\u{7f}\0"), "x␡␀");
        assert_eq!(inert("abc\u{202e}fed\u{2066}"), "abc\u{fffd}fed\u{fffd}");
        assert_eq!(inert("paid\rfree"), "paid␍free");
    }

    #[test]
    fn text_and_layout_are_left_alone() {
        for text in [
            "",
            "Wi-Fi: ñandú, 日本語, emoji 🎉",
            "two\nlines\twith tab",
            "crlf\r\nline",
            "שלום\u{200f} (RTL mark)",
        ] {
            assert!(
                matches!(inert(text), Cow::Borrowed(t) if t == text),
                "{text:?}"
            );
        }
    }

    #[test]
    fn one_character_for_one_keeps_columns() {
        let text = "é\u{1b}[2J\u{9b}\u{202e}x\r";
        assert_eq!(inert(text).chars().count(), text.chars().count());
        assert_eq!(obeyed(&inert(text)), None);
    }

    #[test]
    fn one_line_text_shows_line_breaks_and_tabs_too() {
        assert_eq!(inert_line("a\nb\tc\r\nd\u{1b}"), "a␊b␉c␍␊d␛");
        assert!(matches!(inert_line("plain é"), Cow::Borrowed("plain é")));
        assert_eq!(inert("a\nb\tc\r\n"), "a\nb\tc\r\n");
    }

    #[test]
    fn offsets_follow_the_replacements() {
        let text = "a\u{1b}b\r\nc\u{202e}d";
        let shown = inert(text);
        let offsets = InertOffsets::new(text);
        for (i, c) in text.char_indices() {
            let at = offsets.shown(i);
            let expected = shown_as(c, text[i + c.len_utf8()..].chars().next()).unwrap_or(c);
            assert_eq!(shown[at..].chars().next(), Some(expected), "at {i}");
        }
        assert_eq!(offsets.shown(text.len()), shown.len());
    }

    #[test]
    fn json_escapes_what_serde_json_leaves() {
        let value = serde_json::json!({"title": "a\u{1b}[2J\u{9b}\u{7f}\u{202e}\u{7}b"});
        let json = to_json(&value).unwrap();
        assert_eq!(obeyed(&json), None, "{json}");
        assert!(
            json.contains(r"\u009b") && json.contains(r"\u202e"),
            "{json}"
        );
        let back: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(back, value, "the document means the same");
    }

    #[test]
    fn the_writer_gives_the_same_text_however_bytes_are_cut() {
        let text = "añ\u{1b}[2J\u{9b}\u{202e}日\r\n🎉\rz";
        let whole = {
            let mut out = Inert::new(Vec::new());
            out.write_all(text.as_bytes()).unwrap();
            out.flush().unwrap();
            std::mem::take(&mut out.inner)
        };
        assert_eq!(String::from_utf8(whole.clone()).unwrap(), inert(text));
        for cut in 1..=4 {
            let mut out = Inert::new(Vec::new());
            for piece in text.as_bytes().chunks(cut) {
                out.write_all(piece).unwrap();
            }
            out.flush().unwrap();
            assert_eq!(out.inner, whole, "pieces of {cut} byte(s)");
        }
    }

    #[test]
    fn bytes_that_are_not_utf8_are_replaced() {
        let mut out = Inert::new(Vec::new());
        out.write_all(b"a\x9b31m\xff").unwrap();
        out.flush().unwrap();
        assert_eq!(
            String::from_utf8(out.inner.clone()).unwrap(),
            "a\u{fffd}31m\u{fffd}"
        );
    }
}
