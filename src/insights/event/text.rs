//! What of free text (a query, a note) may be kept.
//!
//! In: text a reader or an agent typed. Out: whether it holds characters
//! nobody types on purpose ([`is_hidden_control`]), and the text scrubbed of
//! e-mail addresses and numbers ([`scrub`]). Scrubbing works on what a
//! person would read, not on ASCII: a digit is any Unicode decimal digit
//! (`6`, full-width `６`, Arabic-Indic `٦`…), groups may be separated by any
//! dash, space, `.`, `,`, `_` or `/`, and `@` may be written `＠` or `﹫`, so
//! that a number pasted from a phone's keyboard or another script is
//! scrubbed like one typed in ASCII.

use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};

/// Digits in a run (or a phone-like group) that are scrubbed.
const LONG_DIGITS: usize = 7;

/// The zero-width non-joiner and joiner: format characters that are part of
/// how Persian, Indic scripts and emoji are written, so they are allowed.
const JOINERS: [char; 2] = ['\u{200C}', '\u{200D}'];

/// A control character (Unicode Cc) or an invisible format character (Cf:
/// bidi overrides such as U+202E, zero-width spaces, soft hyphens…) other
/// than the joiners: they change how text reads without being seen.
pub(super) fn is_hidden_control(c: char) -> bool {
    c.is_control() || (c.general_category() == GeneralCategory::Format && !JOINERS.contains(&c))
}

/// A decimal digit of any script (Unicode Nd).
fn is_digit(c: char) -> bool {
    c.general_category() == GeneralCategory::DecimalNumber
}

/// What people write between the groups of a number: dashes of every kind
/// (Unicode Pd, and the minus sign), spaces, `.`, `,`, `_`, `/`, brackets,
/// `+`, their full-width forms, and marks that attach to a digit (the
/// keycap of `6️⃣`, variation selectors) or sit between digits unseen.
fn is_digit_separator(c: char) -> bool {
    matches!(
        c.general_category(),
        GeneralCategory::DashPunctuation
            | GeneralCategory::SpaceSeparator
            | GeneralCategory::NonspacingMark
            | GeneralCategory::EnclosingMark
    ) || JOINERS.contains(&c)
        || matches!(
            c,
            '.' | ','
                | '_'
                | '/'
                | '('
                | ')'
                | '+'
                | '\u{2212}' // minus sign
                | '．'
                | '，'
                | '＿'
                | '／'
                | '（'
                | '）'
                | '＋'
        )
}

/// `@` and the full-width and small forms that read the same.
const AT_SIGNS: [char; 3] = ['@', '＠', '﹫'];

/// `text` with e-mail addresses, phone numbers and runs of 7 or more digits
/// replaced by `[email]`, `[phone]` and `[number]`; the spaces between words
/// are kept as they are. Hexadecimal codes (`0x80070005`) are kept: they are
/// error codes, not people.
pub fn scrub(text: &str) -> String {
    let words = words(text);
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < words.len() {
        // A number written in groups (`+34 600 123 456`) is one phone number.
        let group_end = (i..words.len())
            .find(|&j| !is_phone_like(words[j].0))
            .unwrap_or(words.len());
        if group_end > i
            && words[i..group_end]
                .iter()
                .map(|(word, _)| digits(word))
                .sum::<usize>()
                >= LONG_DIGITS
        {
            out.push_str("[phone]");
            out.push_str(words[group_end - 1].1);
            i = group_end;
            continue;
        }
        let (word, gap) = words[i];
        if is_email_like(word) {
            out.push_str("[email]");
        } else if is_hex_code(word) {
            out.push_str(word);
        } else {
            scrub_digit_runs(word, &mut out);
        }
        out.push_str(gap);
        i += 1;
    }
    out
}

/// The words of `text`, each with the whitespace after it; text that starts
/// with whitespace gives a first, empty word.
fn words(text: &str) -> Vec<(&str, &str)> {
    let mut words = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let word_end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let gap_end = rest[word_end..]
            .find(|c: char| !c.is_whitespace())
            .map_or(rest.len(), |n| word_end + n);
        words.push((&rest[..word_end], &rest[word_end..gap_end]));
        rest = &rest[gap_end..];
    }
    words
}

fn digits(word: &str) -> usize {
    word.chars().filter(|&c| is_digit(c)).count()
}

/// A word made only of digits and separators, with at least one digit.
fn is_phone_like(word: &str) -> bool {
    word.chars().any(is_digit) && word.chars().all(|c| is_digit(c) || is_digit_separator(c))
}

fn is_email_like(word: &str) -> bool {
    word.split_once(AT_SIGNS)
        .is_some_and(|(user, domain)| !user.is_empty() && !domain.is_empty())
}

fn is_hex_code(word: &str) -> bool {
    let word = word.trim_matches(|c: char| !c.is_ascii_alphanumeric());
    word.strip_prefix("0x")
        .is_some_and(|hex| !hex.is_empty() && hex.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Appends `word` to `out` with every run of 7 or more digits, in groups or
/// not (`cliente612-345-678`), replaced by `[number]`.
fn scrub_digit_runs(word: &str, out: &mut String) {
    let mut copied = 0;
    let mut chars = word.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if !is_digit(c) {
            continue;
        }
        // The run goes on through separators, and ends at its last digit.
        let (mut count, mut end) = (1, start + c.len_utf8());
        while let Some(&(at, next)) = chars.peek() {
            if is_digit(next) {
                count += 1;
                end = at + next.len_utf8();
            } else if !is_digit_separator(next) {
                break;
            }
            chars.next();
        }
        if count >= LONG_DIGITS {
            out.push_str(&word[copied..start]);
            out.push_str("[number]");
            copied = end;
        }
    }
    out.push_str(&word[copied..]);
}
