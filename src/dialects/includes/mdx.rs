//! MDX partials, as Docusaurus reuses text: a page imports another
//! Markdown file as a component (`import Steps from './_steps.mdx';`,
//! or from `@site/…`, the project's folder) and puts it where a line says
//! `<Steps />`. The file's name usually starts with `_`, so that it is no
//! page of its own.
//!
//! In: a body. Out: the partials it imports ([`partials`]) and the
//! [`Target`] of a line that puts one in ([`partial_use`]).

use super::{Select, Target, Tool};

/// The extensions of the files an import brings in as partials: other
/// imports are JavaScript components, which tier0 does not run.
const PARTIAL_EXTENSIONS: [&str; 2] = [".md", ".mdx"];

/// The partials `body` imports, as `(name, path)`: each line outside
/// fenced code that reads `import Name from 'path'` (a semicolon after it
/// or not) and names a Markdown file.
pub(super) fn partials(body: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut fence: Option<(char, usize)> = None;
    for line in body.lines() {
        let trimmed = line.trim();
        if let Some(ch) = trimmed.chars().next().filter(|&c| c == '`' || c == '~') {
            let run = trimmed.chars().take_while(|&c| c == ch).count();
            match fence {
                Some((open, len)) if open == ch && run >= len => fence = None,
                None if run >= 3 => fence = Some((ch, run)),
                _ => {}
            }
            continue;
        }
        if fence.is_none()
            && let Some(partial) = import(trimmed)
        {
            found.push(partial);
        }
    }
    found
}

/// `import Name from 'path';` naming a Markdown file, as its name and path.
fn import(line: &str) -> Option<(String, String)> {
    let rest = line.strip_prefix("import ")?.trim_start();
    let (name, rest) = rest.split_once(char::is_whitespace)?;
    let quoted = rest.trim_start().strip_prefix("from")?.trim();
    let quoted = quoted.strip_suffix(';').unwrap_or(quoted).trim_end();
    let quote = quoted.chars().next().filter(|c| matches!(c, '\'' | '"'))?;
    let path = quoted.strip_prefix(quote)?.strip_suffix(quote)?;
    let component = name.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$');
    let markdown = PARTIAL_EXTENSIONS.iter().any(|ext| path.ends_with(ext));
    (component && markdown).then(|| (name.to_owned(), path.to_owned()))
}

/// The partial that `line` (without its indentation) puts in, if it is
/// only that: `<Name />`, with attributes or not, of a partial of
/// `partials`.
pub(super) fn partial_use(line: &str, partials: &[(String, String)]) -> Option<Target> {
    let inner = line.trim_end().strip_prefix('<')?.strip_suffix("/>")?;
    let name = inner.split(char::is_whitespace).next()?;
    let (_, path) = partials.iter().find(|(n, _)| n == name)?;
    Some(Target {
        tool: Tool::Mdx,
        path: path.clone(),
        select: Select::All,
        code: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn imports_of_markdown_files_are_partials() {
        let body = "import Steps from './_steps.mdx';\nimport Tabs from '@theme/Tabs';\n\
                    import Note from \"@site/docs/_note.md\"\nimport {x} from './_y.mdx';\n\
                    ```mdx\nimport Shown from './_shown.mdx';\n```\nimport lower from './_l.md';\n";
        assert_eq!(
            partials(body),
            [
                ("Steps".to_owned(), "./_steps.mdx".to_owned()),
                ("Note".to_owned(), "@site/docs/_note.md".to_owned()),
            ]
        );
    }

    #[test]
    fn a_line_of_the_component_alone_puts_it_in() {
        let partials = [("Steps".to_owned(), "./_steps.mdx".to_owned())];
        let target = partial_use("<Steps />", &partials).unwrap();
        assert_eq!(
            (target.tool, target.path.as_str()),
            (Tool::Mdx, "./_steps.mdx")
        );
        assert!(partial_use("<Steps product=\"VPN\"/>", &partials).is_some());
        for not in [
            "<Steps>",
            "<Other />",
            "Text <Steps />",
            "<Steps /> and more",
        ] {
            assert!(partial_use(not, &partials).is_none(), "{not}");
        }
    }
}
