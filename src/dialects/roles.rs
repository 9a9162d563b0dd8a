//! MyST's roles, `{name}` before a code span: ``{doc}`Title <path>` `` is a
//! link to another page (its last path segment for a title when it has
//! none), ``{ref}`Title <label>` `` its title (the label names a target
//! anywhere in a Sphinx project, which tier0 does not resolve), a Python
//! object's role (``{func}`~acme.load` ``) the name Sphinx shows for it
//! (`load()`), as code, and any other role (``{pep}`8` ``, ``{kbd}`Ctrl` ``)
//! its text, as code.

/// The longest role name read (`{py:class}` is 10).
const MAX_NAME: usize = 32;

/// The role opening with the `{` at `at` of `text`, ending before `end`:
/// where it ends and the Markdown that shows it.
pub(super) fn role(text: &str, at: usize, end: usize) -> Option<(usize, String)> {
    let rest = &text[at..end];
    let name_len = rest
        .bytes()
        .skip(1)
        .take(MAX_NAME)
        .position(|b| b == b'}')?;
    let name = &rest[1..1 + name_len];
    let named = !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b == b'-' || b == b':');
    if !named {
        return None;
    }
    let open = 2 + name_len;
    let ticks = rest[open..].bytes().take_while(|&b| b == b'`').count();
    if ticks == 0 {
        return None;
    }
    let fence = &rest[open..open + ticks];
    let content_start = open + ticks;
    let close = rest[content_start..].find(fence)?;
    let content = &rest[content_start..content_start + close];
    let role_end = at + content_start + close + ticks;
    let (title, target) = match content
        .trim_end()
        .strip_suffix('>')
        .and_then(|c| c.rsplit_once('<'))
    {
        Some((title, target)) => (title.trim(), target.trim()),
        None => ("", content.trim()),
    };
    let shown = match name {
        "doc" => {
            let title = if title.is_empty() {
                target.rsplit('/').next().unwrap_or(target)
            } else {
                title
            };
            format!("[{title}]({target})")
        }
        "ref" | "numref" | "term" if title.is_empty() => target.to_owned(),
        "ref" | "numref" | "term" => title.to_owned(),
        _ => match python_object(name) {
            Some(call) => format!("{fence}{}{fence}", object_title(call, title, target)),
            None => format!("{fence}{content}{fence}"),
        },
    };
    Some((role_end, shown))
}

/// For a role of Sphinx's Python domain that names an object
/// (``{func}`~acme.load` ``, `{py:class}`), whether the object is called
/// (`func`, `meth`).
fn python_object(name: &str) -> Option<bool> {
    let role = name.strip_prefix("py:").unwrap_or(name);
    match role {
        "func" | "meth" => Some(true),
        "class" | "obj" | "attr" | "mod" | "data" | "exc" | "const" | "type" => Some(false),
        _ => None,
    }
}

/// What Sphinx shows for a Python object's role: the title it is given
/// (`Loader <acme.Loader>`), or the object's name without the `!` that
/// turns its link off and the `.` that makes it relative, its last part
/// alone after a `~` (`~acme.load` is `load`), and a function or method
/// with `()` after it (`add_function_parentheses`, on by default).
fn object_title(call: bool, title: &str, target: &str) -> String {
    if !title.is_empty() {
        return title.to_owned();
    }
    let name = target.trim_start_matches('!').trim_start_matches('.');
    let name = match name.strip_prefix('~') {
        Some(full) => full.rsplit('.').next().unwrap_or(full),
        None => name,
    };
    if call {
        format!("{}()", name.strip_suffix("()").unwrap_or(name))
    } else {
        name.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(text: &str) -> Option<String> {
        role(text, 0, text.len()).map(|(end, shown)| {
            assert_eq!(end, text.len(), "{text}");
            shown
        })
    }

    #[test]
    fn roles_are_links_titles_or_code() {
        assert_eq!(
            shown("{doc}`The basics <./the_basics>`").as_deref(),
            Some("[The basics](./the_basics)")
        );
        assert_eq!(
            shown("{doc}`style/current_style`").as_deref(),
            Some("[current_style](style/current_style)")
        );
        assert_eq!(
            shown("{ref}`exit codes <labels/exit-code>`").as_deref(),
            Some("exit codes")
        );
        assert_eq!(shown("{pep}`8`").as_deref(), Some("`8`"));
    }

    #[test]
    fn python_objects_show_as_sphinx_titles_them() {
        for (role, title) in [
            ("{func}`~acme.io.load`", "`load()`"),
            ("{py:meth}`Loader.read()`", "`Loader.read()`"),
            ("{func}`acme.load`", "`acme.load()`"),
            ("{class}`~acme.io.Loader`", "`Loader`"),
            ("{attr}`!acme.Loader.path`", "`acme.Loader.path`"),
            ("{obj}`.Loader`", "`Loader`"),
            ("{meth}`read() <acme.Loader.read>`", "`read()`"),
            ("{exc}`the error <acme.LoadError>`", "`the error`"),
            ("{kbd}`~x.y`", "`~x.y`"),
        ] {
            assert_eq!(shown(role).as_deref(), Some(title), "{role}");
        }
    }

    #[test]
    fn other_braces_are_not_roles() {
        for text in ["{doc} `x`", "{}`x`", "{Doc}`x`", "{doc}`open", "{a b}`x`"] {
            assert_eq!(shown(text), None, "{text}");
        }
    }
}
