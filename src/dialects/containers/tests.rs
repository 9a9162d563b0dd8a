use super::*;

fn admonition(kind: AlertKind, title: Option<&str>, collapsible: Option<bool>) -> Admonition {
    Admonition {
        kind,
        title: title.map(str::to_owned),
        collapsible,
    }
}

#[test]
fn mkdocs_admonitions() {
    use AlertKind::*;
    for (line, expected) in [
        ("!!! note", admonition(Note, None, None)),
        (
            "!!! tip \"Stand-alone blog\"",
            admonition(Tip, Some("Stand-alone blog"), None),
        ),
        ("!!! example \"\"", admonition(Note, Some(""), None)),
        (
            "??? question",
            admonition(Note, Some("Question"), Some(false)),
        ),
        (
            "???+ danger \"Careful\"",
            admonition(Caution, Some("Careful"), Some(true)),
        ),
        ("!!! pied-piper", admonition(Note, Some("Pied-piper"), None)),
        (
            "!!! info inline end \"Side\"",
            admonition(Note, Some("Side"), None),
        ),
        (
            "!!! note annotate \"With notes (1)\"",
            admonition(Note, Some("With notes (1)"), None),
        ),
        ("!!! caution", admonition(Warning, Some("Caution"), None)),
        ("!!! success", admonition(Tip, Some("Success"), None)),
        ("!!!note", admonition(Note, None, None)),
        ("???+tip", admonition(Tip, None, Some(true))),
    ] {
        assert_eq!(marker(line), Some(Marker::Indented(expected)), "{line}");
    }
    for not in [
        "!!!",
        "!!!!",
        "???!",
        "!!! \"x\"",
        "!!! note \"open",
        "!!! note title",
        "?????",
    ] {
        assert_eq!(marker(not), None, "{not}");
    }
}

#[test]
fn colon_containers() {
    use AlertKind::*;
    let colon = |len, a| Some(Marker::Colon(Fence { mark: b':', len }, Some(a)));
    assert_eq!(marker(":::tip"), colon(3, admonition(Tip, None, None)));
    assert_eq!(
        marker("::: warning Use"),
        colon(3, admonition(Warning, Some("Use"), None))
    );
    assert_eq!(
        marker(":::warning{title=Deprecated}"),
        colon(3, admonition(Warning, Some("Deprecated"), None))
    );
    assert_eq!(
        marker(":::info{title=\"Read first\" id=x}"),
        colon(3, admonition(Note, Some("Read first"), None))
    );
    assert_eq!(
        marker(":::tip{open}"),
        colon(3, admonition(Tip, None, None))
    );
    assert_eq!(
        marker(":::note[Hola]"),
        colon(3, admonition(Note, Some("Hola"), None))
    );
    assert_eq!(
        marker("::::danger"),
        colon(4, admonition(Caution, Some("Danger"), None))
    );
    assert_eq!(
        marker("::: details Click me"),
        colon(3, admonition(Note, Some("Click me"), Some(false)))
    );
    assert_eq!(
        marker("::: {.callout-important}"),
        colon(3, admonition(Important, None, None))
    );
    assert_eq!(marker(":::{tip}"), colon(3, admonition(Tip, None, None)));
    let fence = |len| Fence { mark: b':', len };
    assert_eq!(
        marker("::: code-group"),
        Some(Marker::Colon(fence(3), None))
    );
    assert_eq!(marker(":::: "), Some(Marker::ColonClose(fence(4))));
    assert_eq!(marker("::"), None);
}

#[test]
fn myst_directives() {
    use AlertKind::*;
    let fence = |len| Fence { mark: b'`', len };
    assert_eq!(
        myst("```{note}", None),
        Some(Marker::Colon(fence(3), Some(admonition(Note, None, None))))
    );
    assert_eq!(
        myst("````{admonition} Now *stable*", None),
        Some(Marker::Colon(
            fence(4),
            Some(admonition(Note, Some("Now stable"), None))
        ))
    );
    assert_eq!(
        myst("```{danger}", None),
        Some(Marker::Colon(
            fence(3),
            Some(admonition(Caution, Some("Danger"), None))
        ))
    );
    let generated = |shown: &str, warned| {
        Some(Marker::Generated {
            fence: fence(3),
            shown: shown.to_owned(),
            warned,
        })
    };
    assert_eq!(myst("```{toctree}", None), generated("", false));
    assert_eq!(
        marker(":::{toctree}"),
        Some(Marker::Generated {
            fence: Fence { mark: b':', len: 3 },
            shown: String::new(),
            warned: false,
        })
    );
    assert_eq!(
        myst("```{rubric} Overview", None),
        generated("**Overview**", false)
    );
    assert_eq!(
        myst("```{image} a.svg", None),
        generated("![](a.svg)", false)
    );
    assert_eq!(
        myst("```{include} ../CHANGES.md", None),
        generated("", true)
    );
    // A line of backticks closes an open directive of no longer fence.
    assert_eq!(
        myst("```", Some(fence(3))),
        Some(Marker::ColonClose(fence(3)))
    );
    for (not, open) in [
        ("```", None),
        ("```", Some(fence(4))),
        ("```python", None),
        ("```{code-block} python", None),
        ("``{note}", None),
    ] {
        assert_eq!(myst(not, open), None, "{not}");
    }
}

#[test]
fn mkdocstrings_directives() {
    for line in [
        "::: pkg.module",
        "::: _pkg.Class.method_2",
        "# ::: pkg.module",
        "### ::: pkg.Class",
    ] {
        assert_eq!(marker(line), Some(Marker::Directive), "{line}");
    }
    for not in [
        "::: tip Use pkg.module",
        "#::: pkg.module",
        "# Title",
        "::: a..b",
    ] {
        assert_ne!(marker(not), Some(Marker::Directive), "{not}");
    }
    assert_eq!(marker("# Title"), None);
}

#[test]
fn pymdown_blocks() {
    use AlertKind::*;
    let fence = |len| Fence { mark: b'/', len };
    assert_eq!(
        marker("/// warning | Not *for* users"),
        Some(Marker::Colon(
            fence(3),
            Some(admonition(Warning, Some("Not for users"), None))
        ))
    );
    assert_eq!(
        marker("//// details | Click"),
        Some(Marker::Colon(
            fence(4),
            Some(admonition(Note, Some("Click"), Some(false)))
        ))
    );
    assert_eq!(
        marker("/// admonition | Hi"),
        Some(Marker::Colon(
            fence(3),
            Some(admonition(Note, Some("Hi"), None))
        ))
    );
    assert_eq!(
        marker("/// tab | Windows"),
        Some(Marker::FencedTab(fence(3), "Windows".into()))
    );
    assert_eq!(
        marker("/// html | div.result"),
        Some(Marker::Colon(fence(3), None))
    );
    assert_eq!(marker("////"), Some(Marker::ColonClose(fence(4))));
    assert!(!fence(4).closed_by(fence(3)));
    assert!(!fence(3).closed_by(Fence { mark: b':', len: 3 }));
    assert_eq!(marker("/// caption"), Some(Marker::Colon(fence(3), None)));
    assert_eq!(marker("/// new | 9.6"), Some(Marker::Colon(fence(3), None)));
    for not in [
        "//",
        "// comment",
        "/// a b",
        "/// | x",
        "///x.y",
        "/// Examples",
    ] {
        assert_eq!(marker(not), None, "{not}");
    }
}

#[test]
fn callouts() {
    use AlertKind::*;
    assert_eq!(
        callout("> [!tip] My *title*"),
        Some((2, admonition(Tip, Some("My title"), None)))
    );
    assert_eq!(
        callout(">[!info]"),
        Some((1, admonition(Note, Some("Info"), None)))
    );
    assert_eq!(
        callout("> > [!bug]- Folded"),
        Some((4, admonition(Caution, Some("Folded"), Some(false))))
    );
    assert_eq!(
        callout("> [!new] New in 12.0"),
        Some((2, admonition(Note, Some("New in 12.0"), None)))
    );
    for not in [
        "> [!NOTE]",
        "> [!tip]",
        "> [!INTERNAL] Para el CAU",
        "> [!a b]",
        "[!tip] x",
        "> text",
    ] {
        assert_eq!(callout(not), None, "{not}");
    }
}

#[test]
fn tabs() {
    assert_eq!(marker("=== \"Now\""), Some(Marker::Tab("Now".into())));
    assert_eq!(marker("===+ \"8.x\""), Some(Marker::Tab("8.x".into())));
    assert_eq!(marker("==="), None);
    assert_eq!(marker("=== Now"), None);
}

#[test]
fn vuepress_tabs() {
    let title = |t: &str| Some(Marker::TabTitle(t.into()));
    assert_eq!(marker("@tab apple"), title("apple"));
    assert_eq!(marker("@tab:active npm"), title("npm"));
    assert_eq!(marker("@tab Windows 11#win"), title("Windows 11"));
    assert_eq!(marker("@tab"), None);
    assert_eq!(marker("@tabs apple"), None);
    assert_eq!(marker("@team please review"), None);
}

#[test]
fn markers() {
    assert_eq!(AlertKind::Caution.marker(), "CAUTION");
    assert_eq!(capitalised("éXAMPLE"), "Éxample");
}
