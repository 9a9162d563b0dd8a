//! A GitBook space (Git Sync's folder) builds unedited: its uploads in
//! `.gitbook/assets/` are published and shown, and its block tags (hints,
//! tabs, steps, titled code, embeds, files, page references) show as what
//! they are, with no "template tag" warning.

use crate::conventions::{assert_has, page};
use crate::support::{Site, stderr};

/// A space of two pages, an image, a PDF and a reusable block.
fn space() -> Site {
    let site = Site::english();
    site.write(
        "content/SUMMARY.md",
        "# Table of contents\n\n* [Welcome](README.md)\n\n## Printing\n\n\
         * [Toner](printing/toner.md)\n* [Draft notes](printing/draft-notes.md)\n",
    );
    site.write(
        "content/README.md",
        "# Welcome\n\nStart with [the toner](printing/toner.md).\n\n\
         See [toner.md](printing/toner.md \"mention\"), [printing/toner.md](printing/toner.md) \
         and [#open](printing/toner.md#open-the-cover \"mention\").\n",
    );
    site.write("content/.gitbook/assets/tray (1).png", "PNG");
    site.write("content/.gitbook/assets/manual.pdf", "PDF");
    site.write("content/.gitbook/assets/.DS_Store", "junk");
    site.write(
        "content/printing/draft-notes.md",
        "---\nhidden: true\nvars:\n  model: X1\n---\n\n# Draft notes\n\n\
         {% hint style='success' %}Kept out of the lists.{% endhint %}\n",
    );
    site.write(
        "content/.gitbook/includes/shared.md",
        "---\ntitle: Shared\n---\n\nReused text.\n",
    );
    site.write(
        "content/printing/toner.md",
        "---\ndescription: Replace the toner.\ncover: ../.gitbook/assets/tray (1).png\n\
         coverY: 0\nlayout:\n  title:\n    visible: true\n---\n\n# Toner\n\n\
         {% hint style=\"warning\" %}\nSwitch the printer **off** first.\n{% endhint %}\n\n\
         <figure><img src=\"../.gitbook/assets/tray (1).png\" alt=\"The tray\"><figcaption></figcaption></figure>\n\n\
         {% stepper %}\n{% step %}\n### Open the cover\n\nLift it.\n{% endstep %}\n\n\
         {% step %}\n### Swap the cartridge\n\nPush until it clicks.\n{% endstep %}\n{% endstepper %}\n\n\
         {% tabs %}\n{% tab title=\"Windows\" %}\nPrint a test page from Settings.\n{% endtab %}\n\n\
         {% tab title=\"macOS\" %}\n{% hint style=\"info\" %}\nUse System Settings.\n{% endhint %}\n{% endtab %}\n{% endtabs %}\n\n\
         {% code title=\"printer.conf\" %}\n```ini\nduplex = on\n```\n{% endcode %}\n\n\
         {% embed url=\"https://video.example.com/toner\" %}\nA short video.\n{% endembed %}\n\n\
         {% file src=\"../.gitbook/assets/manual.pdf\" %}\nThe manual.\n{% endfile %}\n\n\
         {% content-ref url=\"../README.md\" %}\n[README.md](../README.md)\n{% endcontent-ref %}\n\n\
         Back to [Welcome](../README.md \"mention\").\n",
    );
    site
}

#[test]
fn a_gitbook_space_builds_with_its_uploads_and_blocks() {
    let site = space();
    let output = site.tier0(&["build"]).output().unwrap();
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(0), "{err}");
    for unwanted in ["template tag", "unknown key", "broken"] {
        assert!(!err.contains(unwanted), "{unwanted}: {err}");
    }
    // The uploads, at a path no server hides; nothing else of `.gitbook/`.
    assert_eq!(site.read_public("gitbook/assets/tray (1).png"), "PNG");
    assert_eq!(site.read_public("gitbook/assets/manual.pdf"), "PDF");
    assert!(!site.public().join("gitbook/assets/.DS_Store").exists());
    assert!(!site.public().join(".gitbook").exists());
    assert!(!site.public().join("gitbook/includes").exists());

    let (title, body) = page(&site, "printing/toner");
    assert_eq!(title, "Toner");
    assert_has(
        &body,
        &[
            "<div class=\"alert alert-warning\" role=\"note\"><p class=\"alert-title\">Warning</p>\n\
             <p>Switch the printer <strong>off</strong> first.</p>",
            "<img src=\"../../gitbook/assets/tray (1).png\" alt=\"The tray\">",
            // Steps are the article's numbered steps.
            "<li id=\"step-1\" class=\"step\">",
            "<h3 id=\"open-the-cover\">Open the cover",
            "<li id=\"step-2\" class=\"step\">",
            "<h3 id=\"swap-the-cartridge\">Swap the cartridge",
            "<p><strong>Windows</strong></p>\n<p>Print a test page from Settings.</p>",
            "<p><strong>macOS</strong></p>\n<div class=\"alert alert-note\"",
            "<p><strong>printer.conf</strong></p>\n<pre><code class=\"language-ini\">",
            "<p><a href=\"https://video.example.com/toner\">https://video.example.com/toner</a></p>\n<p>A short video.</p>",
            "<p><a href=\"../../gitbook/assets/manual.pdf\">manual.pdf</a></p>\n<p>The manual.</p>",
            "<a href=\"../../index.html\">README.md</a>",
        ],
    );
    assert!(!body.contains("{%"), "{body}");
    // A mention of a page that is not an article keeps its text, not its tooltip.
    assert_has(
        &body,
        &["Back to <a href=\"../../index.html\">Welcome</a>."],
    );
    assert!(!body.contains("mention"), "{body}");

    // Page mentions and links that show a file name show the page's title.
    let home = site.read_public("index.html");
    assert_has(
        &home,
        &[
            "Start with <a href=\"printing/toner/index.html\">the toner</a>.",
            "See <a href=\"printing/toner/index.html\">Toner</a>, \
             <a href=\"printing/toner/index.html\">Toner</a> and \
             <a href=\"printing/toner/index.html#open-the-cover\">Toner</a>.",
        ],
    );
    assert!(!home.contains("mention"), "{home}");

    // A hidden page: reachable, listed nowhere; a hint on one line.
    let (_, body) = page(&site, "printing/draft-notes");
    assert_has(
        &body,
        &[
            "<div class=\"alert alert-tip\" role=\"note\"><p class=\"alert-title\">Tip</p>\n<p>Kept out of the lists.</p>",
        ],
    );
    assert!(
        !site
            .read_public("printing/index.html")
            .contains("Draft notes")
    );
    assert!(!site.read_public("articles.json").contains("draft-notes"));
}

#[test]
fn only_gitbooks_folder_is_read_not_a_hidden_file_of_its_name() {
    let site = Site::empty();
    site.write("content/.gitbook", "not a folder");
    site.write("content/a.md", "# A\n\nText.\n");
    let output = site.tier0(&["build"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(!site.public().join(".gitbook").exists());
    assert!(!site.public().join("gitbook").exists());
}
