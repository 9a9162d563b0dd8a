//! Links to send: what an agent copies from an article for a user.
//!
//! The article page ("copy link", "copy as reply") and `tier0 search
//! --reply` both write these, so a reply reads the same wherever an agent
//! takes it from.

use crate::config::{BaseUrl, Config};
use crate::link;
use crate::parse::Audience;
use crate::placeholders::{self, Piece};
use crate::urls::Urls;

/// The article values a reply template can name.
#[derive(Debug, Clone, Copy)]
pub struct ReplyVars<'a> {
    /// Article id.
    pub id: &'a str,
    /// Title.
    pub title: &'a str,
    /// One-line description.
    pub description: &'a str,
}

/// The reply template of `lang`, filled with `vars`, as the pieces between
/// the places of the article's link (`{url}`): the reply is the pieces
/// joined by the link. A page knows its link only once it is opened (a
/// relative site), so it keeps the pieces and joins them itself.
///
/// A line of the template that names a placeholder and is left blank (no
/// description) is dropped.
pub fn reply_parts(config: &Config, lang: &str, vars: ReplyVars<'_>) -> Vec<String> {
    let template = config.reply.get(lang, &config.default_language);
    let mut parts = vec![String::new()];
    let mut first_line = true;
    for line in template.split('\n') {
        // The line cut at its links: `done` pieces end where a link goes.
        let mut done: Vec<String> = Vec::new();
        let mut current = String::new();
        let mut named = false;
        for piece in placeholders::pieces(line, "{", "}") {
            let (name, raw) = match piece {
                Piece::Text(text) => {
                    current.push_str(text);
                    continue;
                }
                Piece::Placeholder { name, raw } => (name, raw),
            };
            named |= matches!(name, "id" | "title" | "description" | "url");
            match name {
                "id" => current.push_str(vars.id),
                "title" => current.push_str(vars.title),
                "description" => current.push_str(vars.description),
                "url" => done.push(std::mem::take(&mut current)),
                _ => current.push_str(raw),
            }
        }
        if named && done.is_empty() && current.trim().is_empty() {
            continue;
        }
        done.push(current);
        let mut pieces = done.into_iter();
        if let (Some(last), Some(head)) = (parts.last_mut(), pieces.next()) {
            if !first_line {
                last.push('\n');
            }
            last.push_str(&head);
        }
        first_line = false;
        parts.extend(pieces);
    }
    parts
}

/// The reply for an article whose link is `url`.
pub fn reply(config: &Config, lang: &str, vars: ReplyVars<'_>, url: &str) -> String {
    reply_parts(config, lang, vars).join(url)
}

/// The link to send for article `id` in `lang`, written on the page at site
/// path `from` of a site linked by `urls`: its permanent short link, on the
/// public site when the article is public and the public site's URL is
/// known (an agents' build links there), else on this site.
pub fn send_link(
    config: &Config,
    urls: &Urls,
    from: &str,
    lang: &str,
    id: &str,
    audience: Audience,
) -> String {
    let short = link::short_path(config, lang, id);
    match (&config.public_base_url, audience) {
        (BaseUrl::Absolute(public), Audience::Public) => format!("{public}{short}"),
        _ => urls.best(from, &short),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(reply: &str) -> Config {
        let yaml = format!("reply: {}\n", serde_json::to_string(reply).unwrap());
        Config::from_yaml(std::path::Path::new("tier0.yaml"), &yaml)
            .unwrap()
            .0
    }

    const VARS: ReplyVars<'static> = ReplyVars {
        id: "KB-1",
        title: "Wi-Fi {url}",
        description: "Reconnect.",
    };

    #[test]
    fn reply_is_cut_at_each_link() {
        let c = config("{title} ({id})\n{description}\n{url} and {url}");
        assert_eq!(
            reply_parts(&c, "es", VARS),
            ["Wi-Fi {url} (KB-1)\nReconnect.\n", " and ", ""]
        );
        assert_eq!(
            reply(&c, "es", VARS, "https://h/kb/KB-1/"),
            "Wi-Fi {url} (KB-1)\nReconnect.\nhttps://h/kb/KB-1/ and https://h/kb/KB-1/"
        );
    }

    #[test]
    fn blank_placeholder_lines_are_dropped_and_unknown_names_kept() {
        let c = config("{title}\n{description}\n\n{other}: {url}");
        let vars = ReplyVars {
            description: "",
            ..VARS
        };
        assert_eq!(reply(&c, "es", vars, "U"), "Wi-Fi {url}\n\n{other}: U");
    }

    #[test]
    fn default_replies_name_the_article_in_its_language() {
        let c = Config::default();
        let es = reply(&c, "es", VARS, "U");
        assert!(es.starts_with("Wi-Fi {url}\nReconnect.\n") && es.ends_with("artículo: U"));
        assert!(reply(&c, "en", VARS, "U").ends_with("this article: U"));
    }

    #[test]
    fn agents_send_public_links_to_the_public_site() {
        let c = Config {
            public_base_url: BaseUrl::parse("https://help.example/").unwrap(),
            ..Config::default()
        };
        let agents = Urls::new(BaseUrl::parse("/agents/").unwrap());
        assert_eq!(
            send_link(&c, &agents, "red/x/", "en", "KB-1", Audience::Public),
            "https://help.example/en/kb/KB-1/"
        );
        assert_eq!(
            send_link(&c, &agents, "red/x/", "es", "KB-2", Audience::Internal),
            "/agents/kb/KB-2/"
        );
    }
}
