//! `tier0 search`: the last build's index, from an agent's terminal.

use crate::support::{Site, stderr};

fn built(args: &[&str]) -> Site {
    let site = Site::fixture("basic");
    let mut build = vec!["build"];
    build.extend_from_slice(args);
    site.tier0(&build).assert().success();
    site
}

#[test]
fn finds_articles_by_words_stems_and_whole_error_codes() {
    let site = built(&[]);
    let out = site.tier0(&["search", "conectar", "vpn"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with(" 1. Conectar la VPN [L1] KB-2\n    vpn/conectar/index.html\n"),
        "{text}"
    );
    let out = site.tier0(&["search", "0x80070005"]).output().unwrap();
    assert!(String::from_utf8(out.stdout).unwrap().contains("KB-1"));
}

#[test]
fn json_output_is_ranked_and_links_are_absolute_with_a_base_url() {
    let site = built(&["--base-url", "https://help.example/"]);
    let out = site
        .tier0(&["search", "--json", "--lang", "en", "wi-fi"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["lang"], "en");
    let first = &json["results"][0];
    assert_eq!(first["rank"], 1);
    assert_eq!(first["id"], "KB-1");
    assert_eq!(first["title"], "Wi-Fi does not connect");
    assert_eq!(first["url"], "https://help.example/en/red/wifi/");
}

#[test]
fn nothing_found_exits_1_and_no_index_exits_2() {
    let site = built(&[]);
    let out = site.tier0(&["search", "zzzqqqxx"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let fresh = Site::fixture("basic");
    let out = fresh.tier0(&["search", "wifi"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("run `tier0 build` first"),
        "{}",
        stderr(&out)
    );
    let out = site
        .tier0(&["search", "--lang", "fr", "wifi"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_reply_with_a_relative_link_says_so() {
    // The basic fixture has no `base_url`: its links are relative.
    let site = built(&[]);
    let output = site.tier0(&["search", "--reply", "wifi"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let reply = String::from_utf8_lossy(&output.stdout);
    assert!(reply.contains("KB-1"), "{reply}");
    let err = stderr(&output);
    assert!(
        err.contains("warning: the link in the reply is relative") && err.contains("`base_url`"),
        "{err}"
    );
    // A plain search prints no such warning: its links are for reading.
    let listed = site.tier0(&["search", "wifi"]).output().unwrap();
    assert!(!stderr(&listed).contains("relative"), "{}", stderr(&listed));
}

#[test]
fn typos_prefixes_and_corrections_are_understood_and_reported_in_json() {
    let site = built(&[]);
    // A misspelled word is corrected: the text output says so.
    let out = site.tier0(&["search", "conetcar "]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("KB-2"));
    assert!(
        stderr(&out).contains("showing results for `conectar` for `conetcar`"),
        "{}",
        stderr(&out)
    );
    // JSON: the correction, how each word was understood, the count.
    let out = site
        .tier0(&["search", "--json", "conetcar vpn "])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        json["corrections"],
        serde_json::json!([{"from": "conetcar", "to": "conectar"}])
    );
    assert_eq!(json["words"][0]["candidates"][0]["kind"], "typo");
    assert_eq!(json["words"][1]["candidates"][0]["kind"], "exact");
    assert_eq!(json["all_words"], true);
    assert!(json["total"].as_u64().unwrap() >= 1);
    // A word being typed is completed (no trailing space: still typing).
    let out = site.tier0(&["search", "--json", "conec"]).output().unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["results"][0]["id"], "KB-2", "{json}");
    assert_eq!(json["words"][0]["candidates"][0]["kind"], "prefix");
    // A code is never "corrected" into another code.
    let out = site
        .tier0(&["search", "--json", "0x80070006 "])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn synonyms_of_the_config_apply_and_check_reports_the_useless_ones() {
    let site = Site::fixture("basic");
    let config = std::fs::read_to_string(site.root().join("tier0.yaml")).unwrap();
    site.write(
        "tier0.yaml",
        format!(
            "{config}search:\n  synonyms:\n    es:\n      - [wlan, wifi]\n      - túnel => vpn\n      - [zzyzx, qqwwee]\n"
        ),
    );
    site.tier0(&["build"]).assert().success();
    let out = site.tier0(&["search", "--json", "wlan "]).output().unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["results"][0]["id"], "KB-1", "{json}");
    assert_eq!(json["words"][0]["candidates"][0]["kind"], "synonym");
    let out = site
        .tier0(&["search", "--json", "túnel "])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["results"][0]["id"], "KB-2", "{json}");
    // One-way: "vpn" does not search "túnel" (which no article has anyway).
    let out = site.tier0(&["search", "--json", "vpn "]).output().unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["words"][0]["candidates"].as_array().unwrap().len(), 1);

    let out = site.tier0(&["check"]).output().unwrap();
    let err = format!("{}{}", stderr(&out), String::from_utf8_lossy(&out.stdout));
    let line = config.lines().count() + 6;
    assert!(
        err.contains(&format!("tier0.yaml:{line}:"))
            && err.contains("synonym rule `zzyzx, qqwwee` of `es` finds nothing"),
        "{err}"
    );
    assert!(!err.contains("`wlan, wifi`"), "{err}");

    // A phrase is not a synonym: the config is refused, located.
    site.write(
        "tier0.yaml",
        format!("{config}search:\n  synonyms:\n    es:\n      - [red inalámbrica, wifi]\n"),
    );
    let out = site.tier0(&["build"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("`red inalámbrica` is not one word"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn results_of_the_same_title_say_which_section_they_are_in() {
    let site = Site::fixture("basic");
    for (dir, id) in [("red", "KB-70"), ("vpn", "KB-71")] {
        site.write(
            &format!("content/{dir}/instalar-cliente.md"),
            format!("---\nid: {id}\ntitle: Instalar el cliente\ntier: L1\n---\n\nDescargue el cliente e instálelo.\n"),
        );
    }
    site.tier0(&["build"]).assert().success();
    let out = site.tier0(&["search", "cliente "]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("Instalar el cliente [L1] KB-70 · Red"),
        "{text}"
    );
    assert!(
        text.contains("Instalar el cliente [L1] KB-71 · VPN corporativa"),
        "{text}"
    );
    let out = site
        .tier0(&["search", "--json", "cliente "])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let sections: Vec<&str> = json["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["section"].as_str().unwrap())
        .collect();
    assert_eq!(sections, ["red", "vpn"], "{json}");
    // A title of its own is shown as before.
    let out = site.tier0(&["search", "conectar"]).output().unwrap();
    assert!(!String::from_utf8(out.stdout).unwrap().contains(" · "));
}

/// QA: an empty or punctuation-only query printed "No article matches ``."
/// and exited 1, as if the index had been searched; it is a bad argument.
#[test]
fn a_query_without_a_word_is_a_bad_argument() {
    let site = built(&[]);
    for query in ["", "   ", "?!", "--"] {
        let out = site.tier0(&["search", "--", query]).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{query:?}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("no word to search for"),
            "{query:?}: {}",
            stderr(&out)
        );
        assert!(out.stdout.is_empty());
    }
}

/// QA: `--limit 0` printed "No article matches" and exited 1 though
/// articles matched; a zero that makes a command do nothing is refused as
/// a bad argument, here and in the collector's options.
#[test]
fn a_count_of_zero_is_a_bad_argument() {
    let site = built(&[]);
    let out = site
        .tier0(&["search", "--limit", "0", "wifi"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("invalid value '0' for '--limit"),
        "{}",
        stderr(&out)
    );
    assert!(out.stdout.is_empty());
    let out = site
        .tier0(&["search", "--limit", "1", "wifi"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    for option in ["--rate-limit", "--retain-days"] {
        // A site that is not there, so that a collector that took the 0
        // would stop at once instead of serving.
        let out = site
            .tier0(&["insights", "serve", "--root", "no-such-site", option, "0"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{option}: {}", stderr(&out));
        assert!(stderr(&out).contains(option), "{}", stderr(&out));
    }
}

#[test]
fn a_reader_that_stops_reading_is_not_an_error() {
    // `tier0 search wifi | head -1`: once the reader has gone, the rest of
    // the results is not wanted; grep and ripgrep stop quietly too.
    let site = built(&[]);
    for (args, code) in [
        (&["search", "wifi"][..], 0),
        (&["search", "--json", "zzzqqqxx"][..], 1),
        (&["check", "--format", "json"][..], 0),
    ] {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_tier0"))
            .current_dir(site.root())
            .args(args)
            .stdout(writer)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(code), "{args:?}: {}", stderr(&out));
        assert!(
            !stderr(&out).contains("error"),
            "{args:?}: {}",
            stderr(&out)
        );
    }
}

/// Asserts that `tier0 search query` finds `id` first.
fn assert_first(site: &Site, query: &str, id: &str) {
    let out = site.tier0(&["search", "--json", query]).output().unwrap();
    assert!(out.status.success(), "{query:?}: {}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["results"][0]["id"], id, "{query:?}: {json}");
}

#[test]
fn a_word_typed_whole_finds_it_written_with_a_hyphen() {
    // Readers type `wifi` and `email`; articles write "Wi-Fi" and "e-mail".
    let site = Site::empty();
    site.write(
        "content/red/oficina.md",
        "---\nid: KB-1\ntitle: La red de la oficina no conecta\n---\n\nActive el Wi-Fi del portátil.\n",
    );
    site.write(
        "content/correo/envio.md",
        "---\nid: KB-2\ntitle: No se envían los mensajes\n---\n\nRevise la cuenta de e-mail.\n",
    );
    site.tier0(&["build", "--quiet"]).assert().success();
    for (query, id) in [("wifi", "KB-1"), ("email", "KB-2"), ("wi-fi", "KB-1")] {
        assert_first(&site, query, id);
    }
}

#[test]
fn an_identifier_finds_its_article_however_it_is_written() {
    // Readers type a code with or without its hyphen, space or 0x.
    let site = Site::empty();
    site.write(
        "content/cuentas/clave.md",
        "---\nid: KB-1\ntitle: No puedo iniciar sesión\n---\n\nAparece el error AADSTS50126.\n",
    );
    site.write(
        "content/software/instalar.md",
        "---\nid: KB-2\ntitle: Acceso denegado al instalar\n---\n\nWindows muestra 0x80070005.\n",
    );
    site.write(
        "content/software/office.md",
        "---\nid: KB-3\ntitle: Office 365 no abre\n---\n\nCierre la sesión de IKEv2.\n",
    );
    site.tier0(&["build", "--quiet"]).assert().success();
    for (query, id) in [
        ("AADSTS 50126", "KB-1"),
        ("aadsts-50126", "KB-1"),
        ("80070005", "KB-2"),
        ("kb2", "KB-2"),
        ("office365", "KB-3"),
        ("ike-v2", "KB-3"),
        ("ike v2", "KB-3"),
    ] {
        assert_first(&site, query, id);
    }
}

#[test]
fn a_query_of_stop_words_alone_finds_the_articles_that_have_them() {
    let site = built(&[]);
    let ids = |query: &str| -> Vec<String> {
        let out = site.tier0(&["search", "--json", query]).output().unwrap();
        assert!(out.status.success(), "{query}: {}", stderr(&out));
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let term = &json["words"][0]["candidates"][0]["term"];
        assert_eq!(
            term.as_str().map(|t| t.starts_with('.')),
            Some(true),
            "{json}"
        );
        let results = json["results"].as_array().unwrap().iter();
        results
            .map(|r| r["id"].as_str().unwrap().to_owned())
            .collect()
    };
    // `la` is in both Spanish articles, in the title of KB-2 only.
    assert_eq!(ids("la "), ["KB-2", "KB-1"]);
    // `cómo` only in KB-1's description, `en` only in KB-2's headings.
    assert_eq!(ids("cómo"), ["KB-1"]);
    assert_eq!(ids("en "), ["KB-2"]);
}

#[test]
fn a_word_typed_together_finds_what_the_articles_write_apart() {
    // Readers type `srvmad03`, `8021x` or `autoservicio`; articles write
    // "SRV-MAD-03", "802.1X" and "auto servicio". Each has a decoy with the same
    // words more often, apart: the words in a row put the article first.
    let site = Site::empty();
    for (path, id, title, body) in [
        (
            "servidores/madrid.md",
            "KB-1",
            "El servidor SRV-MAD-03 no responde",
            "Reinicie el servicio.",
        ),
        (
            "servidores/tabla.md",
            "KB-2",
            "Tabla de SRV y MAD",
            "SRV 03, MAD 03. SRV y MAD son las siglas del inventario: SRV 03 en MAD.",
        ),
        (
            "red/cable.md",
            "KB-3",
            "Autenticación 802.1X en el puesto",
            "Conecte el cable.",
        ),
        (
            "equipos/instalar.md",
            "KB-4",
            "Entrar en el portal de auto servicio",
            "Siga el asistente.",
        ),
        (
            "equipos/sistemas.md",
            "KB-5",
            "Sistemas del parque",
            "Servicio de préstamo de equipos: el auto de cortesía, el servicio técnico del auto. Hay 20 autos y 26 servicios.",
        ),
    ] {
        site.write(
            &format!("content/{path}"),
            format!("---\nid: {id}\ntitle: {title}\n---\n\n{body}\n"),
        );
    }
    site.tier0(&["build", "--quiet"]).assert().success();
    for (query, id) in [
        ("srvmad03", "KB-1"),
        ("srvmad03 ", "KB-1"),
        ("srv mad 03 ", "KB-1"),
        ("SRV-MAD03", "KB-1"),
        ("8021x", "KB-3"),
        ("autoservicio ", "KB-4"),
    ] {
        assert_first(&site, query, id);
    }
    // A number is not split into numbers, nor a word into stop words.
    for query in ["2026 ", "delas "] {
        let out = site.tier0(&["search", query]).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{query:?}: {}", stderr(&out));
    }
}

/// A search folder whose files were replaced by hand or by a checkout: a
/// link to a device, a pipe, a file of gigabytes, a file cut short. Each
/// is an error that names the file once and says how to mend it, never
/// a read until memory runs out, a hang or a panic.
#[cfg(unix)]
#[test]
fn a_forged_search_file_is_an_error_not_a_hang_or_a_huge_read() {
    let site = built(&[]);
    let search = site.public().join("search");
    let manifest = std::fs::read_dir(search.join("es"))
        .unwrap()
        .flatten()
        .find(|e| e.path().is_dir())
        .unwrap()
        .path();
    let vocabulary = manifest.join("v/0.js");
    let forge = |how: &dyn Fn(&std::path::Path)| {
        let saved = std::fs::read(&vocabulary).unwrap();
        std::fs::remove_file(&vocabulary).unwrap();
        how(&vocabulary);
        let out = site
            .tier0(&["search", "conectar"])
            .timeout(std::time::Duration::from_secs(30))
            .output()
            .unwrap();
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert_eq!(err.matches("search/").count(), 1, "{err}");
        assert!(
            err.contains("v/0.js") && err.contains("tier0 build"),
            "{err}"
        );
        std::fs::remove_file(&vocabulary).unwrap();
        std::fs::write(&vocabulary, saved).unwrap();
    };
    forge(&|path| std::os::unix::fs::symlink("/dev/zero", path).unwrap());
    forge(&|path| {
        let made = std::process::Command::new("mkfifo").arg(path).status();
        assert!(made.unwrap().success());
    });
    forge(&|path| {
        let file = std::fs::File::create(path).unwrap();
        file.set_len(1 << 32).unwrap();
    });
    forge(&|path| std::fs::write(path, "(self.__tier0Search=").unwrap());
}

/// `site.json`, which the build keeps beside its index in the state
/// folder, is read as every state file is: a link to `/dev/zero` or a
/// pipe put in its place is not read (it would fill the memory, or hang
/// the search), and the search answers from the configuration.
#[cfg(unix)]
#[test]
fn a_site_file_that_is_a_device_or_a_pipe_is_not_read() {
    let site = built(&[]);
    let kept = site.root().join(".tier0/public/search/site.json");
    std::fs::remove_file(&kept).unwrap();
    std::os::unix::fs::symlink("/dev/zero", &kept).unwrap();
    let search = |site: &Site| {
        site.tier0(&["search", "conectar", "vpn"])
            .timeout(std::time::Duration::from_secs(30))
            .output()
            .unwrap()
    };
    let out = search(&site);
    assert!(out.status.success(), "{}", stderr(&out));
    std::fs::remove_file(&kept).unwrap();
    let made = std::process::Command::new("mkfifo").arg(&kept).status();
    assert!(made.unwrap().success());
    let out = search(&site);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("KB-2"));
}

/// A page its author kept out of search (`search: false`, as VitePress
/// writes it, or another tool's key) is listed and built, and found by
/// neither the site's search nor `tier0 search`: each of these keys was
/// read quietly and ignored.
#[test]
fn a_page_kept_out_of_search_is_listed_but_never_found() {
    let site = Site::fixture("basic");
    for (name, key) in [
        ("vitepress", "search: false"),
        ("material", "search:\n  exclude: true"),
        ("starlight", "pagefind: false"),
        ("zola", "in_search_index: false"),
        ("sphinx", "nosearch:"),
    ] {
        site.write(
            &format!("content/red/{name}-quokka.md"),
            format!("---\ntitle: Quokka {name} notes\n{key}\n---\n\nQuokka wrangling.\n"),
        );
    }
    site.write(
        "content/red/found-quokka.md",
        "---\ntitle: Quokka found\n---\n\nQuokka wrangling.\n",
    );
    site.tier0(&["build"]).assert().success();
    let out = site
        .tier0(&["search", "--json", "quokka"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let titles: Vec<&str> = json["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles, ["Quokka found"]);
    // The site's search files hold the one found only.
    let search: String = walkdir::WalkDir::new(site.public().join("search"))
        .into_iter()
        .map(|f| f.unwrap())
        .filter(|f| f.file_type().is_file())
        .map(|f| std::fs::read_to_string(f.path()).unwrap())
        .collect();
    assert!(search.contains("Quokka found"));
    let section = site.read_public("red/index.html");
    for name in ["vitepress", "material", "starlight", "zola", "sphinx"] {
        assert!(
            section.contains(&format!("Quokka {name} notes")),
            "{section}"
        );
        assert!(!search.contains(&format!("{name} notes")), "{name}");
    }
}
