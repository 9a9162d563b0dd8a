//! Hugo themes' callouts, written as shortcodes on lines of their own:
//! Docsy's `{{% alert title="Warning" color="warning" %}}`, Hextra's
//! `{{< callout type="info" >}}`, the Book theme's `{{< hint danger >}}`,
//! the Learn theme's `{{% notice tip %}}`, each closed by its own
//! `{{< /name >}}`, become alerts; a folding block (`{{< details "Why?" >}}`,
//! `{{% expand "More" %}}`, Hugo's `{{< details summary="Why?" >}}`) a
//! folded note of that title; and a callout whose text is a parameter,
//! as Doks writes it (`{{< alert icon="👉" text="Read this first." />}}`),
//! an alert of that text.
//!
//! Hugo's own shortcodes that show a file where they stand, on a line of
//! their own, become that line in Markdown: `{{< figure src alt caption
//! title link >}}` (and a theme's `img` or `image` of the same keys) its
//! image (linked to `link`), then its title and caption; `{{< youtube id >}}` and `{{< vimeo id >}}` a link to the
//! video (a help site has no player, and a link works in every edition).
//!
//! A call may go over several lines, one key a line, as Hugo's own
//! documentation writes its `img` (`{{< img` … `>}}`): the line pass reads
//! it as if written on one (`Pass::hugo_over_lines`).
//!
//! Other shortcodes are left to the inline pass, which drops them with a
//! warning and keeps what paired ones wrap.

use super::containers::{Admonition, AlertKind, Fence, Marker, known_kind};

/// The callouts, by name; their place in the list tells their fences
/// apart, so that a closer closes only a block of its own name.
const CALLOUTS: &[&str] = &[
    "alert",
    "callout",
    "hint",
    "notice",
    "admonition",
    "note",
    "tip",
    "warning",
    "caution",
    "danger",
    "important",
    "details",
    "expand",
];

/// A shortcode's parameters, in order: `key="value"` pairs (`Some(key)`)
/// and positional values (`None`).
pub(super) type Params<'a> = Vec<(Option<&'a str>, String)>;

/// What the line `line` (without its indentation) opens, closes or shows
/// as a callout shortcode, if it is one. `closed_later` says whether the
/// callout of that place in the list is closed after the line: a paired
/// one opens only then, or a theme's own shortcode of the same name that
/// wraps nothing would put the rest of the page in the box.
pub(super) fn marker(line: &str, closed_later: impl FnOnce(usize) -> bool) -> Option<Marker> {
    let call = call(line.trim_end())?;
    if let Some(closed) = call.strip_prefix('/') {
        return Some(Marker::ColonClose(fence(closed.trim())?));
    }
    let (call, self_closing) = match call.strip_suffix('/') {
        Some(call) => (call, true),
        None => (call, false),
    };
    let (name, args) = split_name(call);
    let params = params(args);
    if let Some(shown) = media(name, &params) {
        return Some(Marker::Line(shown));
    }
    let at = CALLOUTS.iter().position(|c| *c == name)?;
    let fence = Fence::hugo(at);
    let named = |key: &str| param(&params, key);
    if let Some(text) = named("text") {
        let kind = kind(name, &params).marker();
        let text = text.replace(['\r', '\n'], " ");
        return Some(Marker::Line(format!("> [!{kind}]\n> {}", text.trim())));
    }
    if self_closing || !closed_later(at) {
        return None;
    }
    let folds = matches!(name, "details" | "expand");
    // Hugo's own `details` shows its `summary`.
    let title = named("summary")
        .or_else(|| named("title"))
        .or(folds.then(|| first(&params)).flatten())
        .map(super::inline_text);
    let admonition = Admonition {
        kind: kind(name, &params),
        title: if folds {
            Some(title.unwrap_or_default())
        } else {
            title
        },
        collapsible: folds.then(|| named("open").is_some_and(|open| open == "true")),
    };
    Some(Marker::Colon(fence, Some(admonition)))
}

/// The Markdown that Hugo's shortcode `name` with `params` stands for,
/// when it shows a file: a `figure`'s image (its `alt`, else its caption
/// or title, for text), linked to its `link`, with its `title` and
/// `caption` in italics below; a link to a `youtube` or `vimeo` video
/// (its `id` or first parameter), shown as its `title` or its address.
fn media(name: &str, params: &Params<'_>) -> Option<String> {
    let named = |key: &str| param(params, key).map(str::trim).filter(|v| !v.is_empty());
    let video = |address: &str| {
        let id = named("id").or(first(params).map(str::trim))?;
        let id_like = id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_'));
        id_like.then(|| super::link(&format!("{address}{id}"), named("title")))
    };
    match name {
        "youtube" => video("https://www.youtube.com/watch?v="),
        "vimeo" => video("https://vimeo.com/"),
        // Themes' and sites' own `img` and `image` take `figure`'s keys.
        "figure" | "img" | "image" => {
            let src = super::destination(named("src")?);
            let (title, caption) = (named("title"), named("caption"));
            let alt = named("alt").or(caption).or(title).unwrap_or_default();
            let image = format!(
                "![{}]({src})",
                super::markdown_text(&super::inline_text(alt))
            );
            let image = match named("link") {
                Some(link) => format!("[{image}]({})", super::destination(link)),
                None => image,
            };
            let said: Vec<String> = [title, caption]
                .into_iter()
                .flatten()
                .map(|text| format!("*{}*", super::markdown_text(&super::inline_text(text))))
                .collect();
            Some(
                std::iter::once(image)
                    .chain(said)
                    .collect::<Vec<_>>()
                    .join("\n"),
            )
        }
        _ => None,
    }
}

/// The Markdown that the shortcode call `call` (`{{< img src="x.png" >}}`)
/// inside a line of text stands for, when it shows a file: [`media`] on
/// one line (a linked image in a link, `[{{< img … >}}](…)`, is a linked
/// image).
pub(super) fn inline_media(call: &str) -> Option<String> {
    let (name, params) = shortcode(call)?;
    media(name, &params).map(|shown| shown.replace('\n', " "))
}

/// The name and parameters of the shortcode call that is the whole line
/// `line` (`{{% include "x.md" %}}`), unless it closes one.
pub(super) fn shortcode(line: &str) -> Option<(&str, Params<'_>)> {
    let call = call(line.trim_end()).filter(|call| !call.starts_with('/'))?;
    let (name, args) = split_name(call.strip_suffix('/').unwrap_or(call));
    Some((name, params(args)))
}

/// A shortcode call's name and what follows it.
fn split_name(call: &str) -> (&str, &str) {
    let name_len = call
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .unwrap_or(call.len());
    call.split_at(name_len)
}

/// The value of the parameter `key` of `params`.
pub(super) fn param<'p>(params: &'p Params<'_>, key: &str) -> Option<&'p str> {
    params
        .iter()
        .find_map(|(k, v)| (*k == Some(key)).then_some(v.as_str()))
}

/// The first positional value of `params`.
pub(super) fn first<'p>(params: &'p Params<'_>) -> Option<&'p str> {
    params
        .iter()
        .find_map(|(k, v)| k.is_none().then_some(v.as_str()))
}

/// The inside of a shortcode call that is the whole line: `{{< x >}}` or
/// `{{% x %}}` → `x`, trimmed.
fn call(line: &str) -> Option<&str> {
    let inside = line
        .strip_prefix("{{<")
        .and_then(|l| l.strip_suffix(">}}"))
        .or_else(|| line.strip_prefix("{{%").and_then(|l| l.strip_suffix("%}}")))?;
    // `{{</* x */>}}` shows a shortcode as written: no call.
    (!inside.starts_with("/*")).then(|| inside.trim())
}

/// The fence of the callout named `name`.
fn fence(name: &str) -> Option<Fence> {
    let at = CALLOUTS.iter().position(|c| *c == name)?;
    Some(Fence::hugo(at))
}

/// The alert of the callout `name` with its `params`: the kind its
/// `type`, `context` or `color` names, else its first positional one
/// (`hint danger`, `notice tip`), else its name (`warning`), else a note.
fn kind(name: &str, params: &Params<'_>) -> AlertKind {
    let said = params.iter().find_map(|(key, value)| match key {
        Some("type" | "context" | "color" | "style") | None => alert_kind(value),
        _ => None,
    });
    said.or_else(|| alert_kind(name)).unwrap_or(AlertKind::Note)
}

/// The alert of a kind as themes name them: the admonition kinds, and
/// Bootstrap's colours (`primary`, `info`, `success`, `warning`,
/// `danger`).
fn alert_kind(word: &str) -> Option<AlertKind> {
    match word.to_ascii_lowercase().as_str() {
        "primary" | "secondary" | "light" | "dark" => Some(AlertKind::Note),
        "error" => Some(AlertKind::Caution),
        other => known_kind(other).map(|(kind, _)| kind),
    }
}

/// Where the last closing call of each callout (`{{< /name >}}`, `{{%
/// /name %}}`) starts in `body`, in the order of the list: read once per
/// page, so that the callouts opened are found in linear time.
pub(super) fn last_closers(body: &str) -> Vec<Option<usize>> {
    let mut last = vec![None; CALLOUTS.len()];
    for (at, _) in body.match_indices("{{") {
        let rest = body[at + 2..].trim_start_matches(['<', '%']).trim_start();
        let Some(rest) = rest.strip_prefix('/') else {
            continue;
        };
        let rest = rest.trim_start();
        let name_len = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
            .unwrap_or(rest.len());
        if let Some(i) = CALLOUTS.iter().position(|c| *c == &rest[..name_len]) {
            last[i] = Some(at);
        }
    }
    last
}

/// A shortcode's parameters, in order: `key="value"` pairs (`Some(key)`)
/// and positional values (`None`); values in double quotes take `\"`
/// for a quote, those in backquotes are raw.
fn params(args: &str) -> Params<'_> {
    let mut params = Vec::new();
    let mut rest = args.trim_start();
    while !rest.is_empty() {
        let key_len = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
            .unwrap_or(rest.len());
        let key = (key_len > 0 && rest[key_len..].starts_with('=')).then(|| &rest[..key_len]);
        if key.is_some() {
            rest = &rest[key_len + 1..];
        }
        let (value, after) = value(rest);
        params.push((key, value));
        rest = after.trim_start();
    }
    params
}

/// The value at the start of `rest`, and what follows it.
fn value(rest: &str) -> (String, &str) {
    let mut chars = rest.char_indices();
    match chars.next() {
        Some((_, '"')) => {
            let mut value = String::new();
            let mut escaped = false;
            for (i, c) in chars {
                match c {
                    _ if escaped => {
                        value.push(c);
                        escaped = false;
                    }
                    '\\' => escaped = true,
                    '"' => return (value, &rest[i + 1..]),
                    _ => value.push(c),
                }
            }
            (value, "")
        }
        Some((_, '`')) => match rest[1..].split_once('`') {
            Some((value, after)) => (value.to_owned(), after),
            None => (rest[1..].to_owned(), ""),
        },
        _ => {
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            (rest[..end].to_owned(), &rest[end..])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameters_are_read_with_their_quotes() {
        assert_eq!(
            params(r#" icon="👉" text="Learn <a href=\"x\">more</a>." info `raw "x"` "#),
            vec![
                (Some("icon"), "👉".to_owned()),
                (Some("text"), r#"Learn <a href="x">more</a>."#.to_owned()),
                (None, "info".to_owned()),
                (None, r#"raw "x""#.to_owned()),
            ]
        );
    }

    #[test]
    fn figures_and_videos_are_shown_in_markdown() {
        let line = |call: &str| match marker(call, |_| false) {
            Some(Marker::Line(shown)) => Some(shown),
            _ => None,
        };
        assert_eq!(
            line("{{< figure src=\"/images/tray.png\" caption=\"The *paper* tray\" >}}").as_deref(),
            Some("![The paper tray](</images/tray.png>)\n*The paper tray*")
        );
        assert_eq!(
            line(
                "{{< figure src=\"a.png\" alt=\"Tray [1]\" title=\"Tray\" link=\"/printing/\" >}}"
            )
            .as_deref(),
            Some("[![Tray \\[1\\]](<a.png>)](</printing/>)\n*Tray*")
        );
        assert_eq!(
            line("{{< youtube w7Ft2ymGmfc >}}").as_deref(),
            Some(
                "[https\\:\\/\\/www\\.youtube\\.com\\/watch\\?v\\=w7Ft2ymGmfc](<https://www.youtube.com/watch?v=w7Ft2ymGmfc>)"
            )
        );
        assert_eq!(
            line("{{< vimeo id=\"146022717\" title=\"Setting up\" >}}").as_deref(),
            Some("[Setting up](<https://vimeo.com/146022717>)")
        );
        // Nothing to show, or an id that is not one.
        assert_eq!(
            line("{{< img src=\"tray.png\" alt=\"Tray\" >}}").as_deref(),
            Some("![Tray](<tray.png>)")
        );
        assert_eq!(line("{{< figure caption=\"x\" >}}"), None);
        assert_eq!(line("{{< youtube \"a b\" >}}"), None);
    }

    #[test]
    fn callouts_open_only_when_closed_later() {
        let closed = |_| true;
        let Some(Marker::Colon(fence, Some(hint))) = marker("{{< hint danger >}}", closed) else {
            panic!("not a callout");
        };
        assert_eq!(hint.kind, AlertKind::Caution);
        assert_eq!(
            marker("{{< /hint >}}", closed),
            Some(Marker::ColonClose(fence))
        );
        assert_eq!(marker("{{< hint danger >}}", |_| false), None);
        let Some(Marker::Colon(_, Some(alert))) =
            marker("{{% alert title=\"Beware\" color=\"warning\" %}}", closed)
        else {
            panic!("not an alert");
        };
        assert_eq!(alert.kind, AlertKind::Warning);
        assert_eq!(alert.title.as_deref(), Some("Beware"));
        for not in [
            "{{< gist user 1234 >}}",
            "{{</* hint */>}}",
            "{{< hint >}} x",
        ] {
            assert_eq!(marker(not, closed), None, "{not}");
        }
    }

    #[test]
    fn the_last_closer_of_each_callout_is_found() {
        let body = "{{< /hint >}} {{% / notice %}} {{< /hint>}} {{< /figure >}}";
        let last = last_closers(body);
        assert_eq!(last[2], Some(31));
        assert_eq!(last[3], Some(14));
        assert_eq!(last[0], None);
    }
}
