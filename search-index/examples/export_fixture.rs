//! Exports the fixture corpus (Spanish + English, with error codes) for the
//! browser engine's tests, with what Rust says the answers are.
//!
//! `cargo run -p search-index --example export_fixture -- <outdir>` writes:
//! - `<outdir>/search/…`: the exported static index, as tier0 would publish it;
//! - `<outdir>/expected.json`: the Rust engine's top 10 ids for a set of
//!   queries, complete (`ids`, with a trailing space) and as typed (`typing`);
//! - `<outdir>/analysis.json`: the Rust tokenizer's output on test strings,
//!   so the JS tokenizer and folding can be checked against it;
//! - `<outdir>/anchors/search/…` and `<outdir>/anchors/expected.json`:
//!   articles whose one heading is hard to tokenize, with the anchor the
//!   Rust analyzer derives from it, which the records leave out and the
//!   browser must derive alike;
//! - `<outdir>/titles/search/…` and `<outdir>/titles/expected.json`: a
//!   corpus where one word is in more titles than a postings head holds,
//!   so that the tests see whether the heads decide a one-word query, and
//!   where a second word puts articles of that word's tail first, so that
//!   they see whether the tail is read when the heads cannot decide;
//! - `<outdir>/levels/search/…` and `<outdir>/levels/expected.json`: a
//!   word whose tail has more score levels than one-byte letters, with
//!   every result and score the Rust engine gives it.

use std::path::{Path, PathBuf};

use search_index::analyzer::{Mode, canonical, surface_forms};
use search_index::format::heading_anchor;
use search_index::{Engine, SearchDocument, Section, build, export};
use serde_json::json;

/// Queries whose top 10 the browser must reproduce.
const QUERIES: &[(&str, &str)] = &[
    ("es", "contraseña"),
    ("es", "contraseñas"),
    ("es", "Contrasena"),
    ("es", "contraseñas caducadas"),
    ("es", "impresora"),
    ("es", "impresoras"),
    ("es", "red"),
    ("es", "conexión"),
    ("es", "wifi no conecta"),
    ("es", "0x80070005"),
    ("es", "E_ACCESSDENIED"),
    ("es", "usuario contraseña"),
    ("es", "impresora teletrabajo"),
    ("es", "error"),
    ("es", "portátil lento disco"),
    ("es", "cómo cambiar la contraseña"),
    ("es", "kb-1042"),
    ("es", "para"),
    ("es", "de la"),
    ("en", "password"),
    ("en", "passwords"),
    ("en", "printer queue"),
    ("en", "connection"),
    ("en", "err_connection_reset"),
    ("en", "DNS_PROBE_FINISHED_NXDOMAIN"),
    ("en", "AADSTS50126"),
    ("en", "network folder access"),
    ("en", "vpn home"),
    ("en", "web socket"),
    ("en", "web sockets "),
    ("en", "the"),
    ("en", "is the"),
    ("en", "errconnectionreset"),
    ("en", "connectionreset "),
    ("en", "probefinished nxdomain"),
    ("en", "err_conection_reset"),
    ("en", "printer doesn't print "),
    ("en", "dns_probe_finishd_nxdomain "),
    ("es", "kb1042 "),
];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out: PathBuf = std::env::args_os()
        .nth(1)
        .map(PathBuf::from)
        .ok_or("usage: export_fixture <outdir>")?;
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpus.json");
    let docs: Vec<SearchDocument> = serde_json::from_str(&std::fs::read_to_string(corpus)?)?;
    let languages = vec!["es".to_string(), "en".to_string()];

    let search_dir = export_to(&out, &languages, &docs)?;
    write_expected(&search_dir, QUERIES, &out.join("expected.json"))?;
    let titles = out.join("titles");
    let titles_dir = export_to(&titles, &["es".to_string()], &titled_corpus())?;
    write_expected(&titles_dir, TITLE_QUERIES, &titles.join("expected.json"))?;
    let typed = out.join("typed");
    let typed_dir = export_to(&typed, &["en".to_string()], &typed_corpus())?;
    write_expected(&typed_dir, TYPED_QUERIES, &typed.join("expected.json"))?;
    let cjk = out.join("cjk");
    let cjk_dir = export_to(&cjk, &["zh".to_string()], &cjk_corpus())?;
    write_expected(&cjk_dir, CJK_QUERIES, &cjk.join("expected.json"))?;
    let sole = out.join("sole");
    let sole_dir = export_to(&sole, &["en".to_string()], &sole_corpus())?;
    write_expected(&sole_dir, SOLE_QUERIES, &sole.join("expected.json"))?;
    let levels = out.join("levels");
    let levels_dir = export_to(&levels, &["en".to_string()], &levels_corpus())?;
    write_scores(&levels_dir, "en", "ledger ", &levels.join("expected.json"))?;
    let anchors = out.join("anchors");
    let docs = anchored_corpus();
    export_to(&anchors, &["es".to_string()], &docs)?;
    let derived: serde_json::Map<_, _> = docs
        .iter()
        .map(|d| (d.id.clone(), json!(d.sections[0].anchor)))
        .collect();
    std::fs::write(
        anchors.join("expected.json"),
        serde_json::to_vec_pretty(&derived)?,
    )?;

    let latin: String = ('\u{c0}'..='\u{24f}').map(|c| format!("a{c}b ")).collect();
    let samples = [
        "Contraseña CADUCADA: ¿Cómo la cambio?",
        "Error 0x80070005 (E_ACCESSDENIED) y ERR_CONNECTION_RESET.",
        "DNS_PROBE_FINISHED_NXDOMAIN, KB-1042, AADSTS50126, x86-64, wi-fi, --foo__ a--b",
        "Ærøskøbing straße œuvre ŁÓDŹ ĳssel Ŀlíbre ſ",
        "Привет мир Ελληνικά 日本語テキスト 한국어",
        "ΣΊΣΥΦΟΣ ΟΔΟΣ, σίσυφος İstanbul",
        "Windows更新失败，错误0x80070005。ABC-加密-文件 加 𠀀𠀁 ｶﾀｶﾅ パスワード・リセット 비밀번호",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa long dropped",
        "jsx-a11y/no-interactive-element-to-noninteractive-role, err_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa_reset",
        &latin,
    ];
    let analysis: Vec<_> = samples
        .iter()
        .map(|text| {
            json!({
                "text": text,
                "index": surface_forms(Mode::Index, text),
                "query": surface_forms(Mode::Query, text),
            })
        })
        .collect();
    // Every alphanumeric BMP character that folding changes (after lower-casing).
    let mut folds = serde_json::Map::new();
    for c in ('\u{80}'..='\u{ffff}').filter(|c| c.is_alphanumeric()) {
        let text = format!("a{c}b");
        let lower = text.to_lowercase();
        if let [folded] = &surface_forms(Mode::Query, &text)[..]
            && *folded != lower
        {
            folds.insert(c.to_string(), json!(folded));
        }
    }
    std::fs::write(out.join("folds.json"), serde_json::to_vec_pretty(&folds)?)?;
    std::fs::write(
        out.join("analysis.json"),
        serde_json::to_vec_pretty(&analysis)?,
    )?;
    println!("exported fixture to {}", out.display());
    Ok(())
}

/// Builds and exports `docs` under `out` (`out/index`, `out/search`), and
/// returns the search directory.
fn export_to(
    out: &Path,
    languages: &[String],
    docs: &[SearchDocument],
) -> Result<PathBuf, Box<dyn std::error::Error>> {
    let built = build(&out.join("index"), languages, docs)?;
    let search_dir = out.join("search");
    if search_dir.exists() {
        std::fs::remove_dir_all(&search_dir)?;
    }
    export(&built, &|rel: &str, bytes: &[u8]| {
        let path = search_dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(path, bytes)
    })?;
    Ok(search_dir)
}

/// Writes to `path` the Rust engine's top 10 of each query over `search_dir`.
fn write_expected(
    search_dir: &Path,
    queries: &[(&str, &str)],
    path: &Path,
) -> Result<(), Box<dyn std::error::Error>> {
    let mut expected = Vec::new();
    for &(lang, query) in queries {
        let engine = Engine::open_dir(search_dir, Some(lang))?;
        let ids = |q: &str| -> Result<Vec<String>, search_index::SearchError> {
            Ok(engine
                .search(q, 10)?
                .hits
                .into_iter()
                .map(|h| h.record.id)
                .collect())
        };
        expected.push(json!({
            "lang": lang,
            "query": query,
            "ids": ids(&format!("{query} "))?,
            "typing": ids(query)?,
        }));
    }
    std::fs::write(path, serde_json::to_vec_pretty(&expected)?)?;
    Ok(())
}

/// Writes to `path` every result of `query` over `search_dir` as the Rust
/// engine ranks them: `[id, score]`.
fn write_scores(
    search_dir: &Path,
    lang: &str,
    query: &str,
    path: &Path,
) -> Result<(), Box<dyn std::error::Error>> {
    let engine = Engine::open_dir(search_dir, Some(lang))?;
    let all: Vec<_> = engine
        .search(query, usize::MAX)?
        .hits
        .into_iter()
        .map(|h| json!([h.record.id, h.ranked.score]))
        .collect();
    std::fs::write(path, serde_json::to_vec_pretty(&all)?)?;
    Ok(())
}

/// 400 articles that say `ledger` a different number of times in bodies of
/// different lengths: its tail holds far more than 92 distinct scores, so
/// its best levels are written with two-byte letters (FORMAT.md, "Tail
/// encoding").
fn levels_corpus() -> Vec<SearchDocument> {
    (0..400)
        .map(|i| {
            let said = "ledger ".repeat(1 + i % 7);
            let filler = FILLER[..FILLER.len().min(1 + i / 7)].join(" ");
            english(
                &format!("l{i:03}"),
                &format!("Entry {i}"),
                &format!("{said}{filler} {}", "word ".repeat(i % 50)),
            )
        })
        .collect()
}

/// Queries over [`titled_corpus`].
const TITLE_QUERIES: &[(&str, &str)] = &[
    ("es", "conexión"),
    ("es", "conexi"),
    ("es", "conexión zorzal"),
];

/// How many of the titled articles also have `zorzal` in the body.
const ZORZAL_TITLED: usize = 34;

/// Words that lengthen a title or a body, each once.
const FILLER: &[&str] = &[
    "uno",
    "dos",
    "tres",
    "cuatro",
    "cinco",
    "seis",
    "siete",
    "ocho",
    "nueve",
    "diez",
    "once",
    "doce",
    "trece",
    "catorce",
    "quince",
    "dieciseis",
    "diecisiete",
    "dieciocho",
    "diecinueve",
    "veinte",
    "lunes",
    "martes",
    "miercoles",
    "jueves",
    "viernes",
    "sabado",
    "domingo",
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
    "norte",
];

/// 40 articles with `conexión` in the title, each title and body one word
/// longer than the one before (so their scores differ), then 40 with it in
/// the body only, then [`zorzal_articles`].
fn titled_corpus() -> Vec<SearchDocument> {
    let mut docs: Vec<SearchDocument> = (0..80)
        .map(|i| {
            let n = i % 40;
            let filler = FILLER[..n].join(" ");
            let zorzal = if i < ZORZAL_TITLED {
                " en el zorzal"
            } else {
                ""
            };
            let title = if i < 40 {
                format!("Conexión {filler}")
            } else {
                format!("Aviso {filler}")
            };
            SearchDocument {
                id: format!("KB-{}", 2000 + i),
                lang: "es".to_string(),
                url: format!("red/articulo-{i}/"),
                title: title.trim_end().to_string(),
                description: String::new(),
                tier: "L1".to_string(),
                category: "red".to_string(),
                trail: Vec::new(),
                doc_type: "how-to".to_string(),
                keywords: Vec::new(),
                sections: vec![Section {
                    anchor: None,
                    heading: None,
                    text: format!("La conexión de la red falla{zorzal}. {filler}"),
                }],
                internal: false,
                confidence: None,
            }
        })
        .collect();
    docs.extend(zorzal_articles());
    docs
}

/// Queries over [`typed_corpus`]: titles half-typed or misspelled.
const TYPED_QUERIES: &[(&str, &str)] = &[
    ("en", "Dependency Resolut"),
    ("en", "Dependency Resoluiton"),
    ("en", "Install"),
    ("en", "Ibstallation"),
    ("en", "page"),
    ("en", "HTTP"),
];

/// Titles, each beside a page that says its words more often or scores
/// higher (pip's "Dependency Resolution" and "More on Dependency
/// Resolution", Hugo's "Page" and "Pagers", Node.js's "HTTP" and "HTTPS").
fn typed_corpus() -> Vec<SearchDocument> {
    [
        (
            "repeatable",
            "Repeatable installs",
            "Installs that repeat: pin installs, hash installs, installs again.",
        ),
        ("installation", "Installation", "Get pip first."),
        (
            "more",
            "More on dependency resolution",
            "Dependency resolution in depth: resolution of every dependency.",
        ),
        (
            "resolution",
            "Dependency resolution",
            "How pip picks versions.",
        ),
        (
            "pagers",
            "Pagers",
            "A pager and its pagers: the pager size, the pager number, the first pager and the last pager of a page.",
        ),
        (
            "page",
            "Page",
            "Returns the current context for templates, partials and shortcodes, with its methods and fields.",
        ),
        (
            "https",
            "HTTPS",
            "HTTPS is HTTP over TLS. Every HTTPS server needs a certificate.",
        ),
        ("http", "HTTP", "Servers and clients of the web protocol."),
    ]
    .into_iter()
    .map(|(id, title, text)| english(id, title, text))
    .collect()
}

/// An English reference article of one section.
fn english(id: &str, title: &str, text: &str) -> SearchDocument {
    SearchDocument {
        id: id.to_string(),
        lang: "en".to_string(),
        url: format!("{id}/"),
        title: title.to_string(),
        tier: "L1".to_string(),
        doc_type: "reference".to_string(),
        sections: vec![Section {
            anchor: None,
            heading: None,
            text: text.to_string(),
        }],
        ..Default::default()
    }
}

/// Queries over [`cjk_corpus`]: words inside sentences written without
/// spaces, a word being typed, a sentence.
const CJK_QUERIES: &[(&str, &str)] = &[
    ("zh", "加密"),
    ("zh", "数据库"),
    ("zh", "加"),
    ("zh", "败"),
    ("zh", "密"),
    ("zh", "库"),
    ("zh", "无法连接数据库"),
    ("zh", "重置 密码"),
];

/// Chinese articles whose words are inside sentences, one sentence over
/// 40 letters long.
fn cjk_corpus() -> Vec<SearchDocument> {
    [
        ("zh-1", "文件加密失败", "如果文件加密失败，请检查证书是否已经过期，然后重新启动加密服务并再次尝试加密整个文件夹。"),
        ("zh-2", "无法连接数据库", "应用程序无法连接数据库时，先确认数据库服务器正在运行。"),
        ("zh-3", "重置密码", "在登录页面点击忘记密码，按照邮件中的步骤重置您的账户密码。"),
        ("zh-4", "加速网络", "关闭不需要的程序可以加快网络速度。"),
    ]
    .into_iter()
    .map(|(id, title, text)| SearchDocument {
        lang: "zh".to_string(),
        ..english(id, title, text)
    })
    .collect()
}

/// Queries over [`sole_corpus`]: one word, the whole title of a page that
/// ranks after the first 10 by score.
const SOLE_QUERIES: &[(&str, &str)] = &[
    ("en", "template"),
    ("en", "templatr"),
    ("en", "Templates"),
    ("en", "collections.In"),
    ("en", "Collections in"),
];

/// Hugo's "Template" among 30 pages that say "template" in their title and
/// all through their text (and "Templates", an overview), its
/// "collections.In" among pages titled `collections.Index…`, and other
/// pages.
fn sole_corpus() -> Vec<SearchDocument> {
    let body = "The template and its template lookup: a base template, a list template, \
                a single template and the template of every kind, template after template.";
    let mut docs: Vec<SearchDocument> = (0..30)
        .map(|i| {
            let mut doc = english(&format!("t{i:02}"), &format!("Template lookup {i}"), body);
            doc.description = "Which template a template of this kind uses.".to_string();
            doc.keywords = vec!["template".to_string(), "templates".to_string()];
            doc.sections[0].heading = Some("Template of templates".to_string());
            doc
        })
        .collect();
    docs.push(english("template", "Template", "Executes a named partial."));
    docs.push(english("templates", "Templates", "An overview."));
    // Hugo's `collections.In` among pages its typed `in` completes to.
    docs.extend((0..12).map(|i| {
        english(
            &format!("c{i:02}"),
            &format!("collections.Index{i}"),
            "Returns the index of an item in collections.",
        )
    }));
    docs.push(english(
        "in",
        "collections.In",
        "Reports whether the item is in the list.",
    ));
    docs.extend(
        (0..40).map(|i| english(&format!("o{i:02}"), &format!("Other {i}"), "Nothing of it.")),
    );
    docs
}

/// Articles the first [`ZORZAL_TITLED`] titled ones must yield to for
/// `conexión zorzal`: `conexión` is in none of their titles but everywhere
/// else, so its postings for them, in the tail after the 40 title postings,
/// score above the head's last. Only the term's `rest` tells the browser;
/// a bound that ignored it would let the heads decide without them.
fn zorzal_articles() -> Vec<SearchDocument> {
    (0..3)
        .map(|i| SearchDocument {
            id: format!("KB-{}", 2080 + i),
            lang: "es".to_string(),
            url: format!("red/zorzal-{i}/"),
            title: format!("Corte del servicio {}", FILLER[i]),
            description: "Conexión perdida: conexión lenta, conexión cortada.".to_string(),
            tier: "L1".to_string(),
            category: "red".to_string(),
            trail: Vec::new(),
            doc_type: "how-to".to_string(),
            keywords: vec!["conexión".to_string()],
            sections: vec![Section {
                anchor: None,
                heading: Some("Conexión".to_string()),
                text: format!(
                    "Conexión, conexión y conexión otra vez en el zorzal. {}",
                    FILLER[..=i].join(" ")
                ),
            }],
            internal: false,
            confidence: None,
        })
        .collect()
}

/// Headings that test how the anchor is derived: accents, ligatures,
/// full-width letters and digits, combining marks, emoji, codes, other
/// scripts, invisible characters.
const HOSTILE_HEADINGS: &[&str] = &[
    "¿Cómo verificar la red?",
    "Ærøskøbing straße œuvre ŁÓDŹ",
    "\u{fb01}ltro del \u{fb02}ujo",
    "ＷｉＦｉ ５Ｇ ｎｏ ｃｏｎｅｃｔａ",
    "Cafe\u{301} y nin\u{303}o",
    "🔥 Error 0x80070005 🚀 tras reiniciar",
    "Paso 2: x86-64, wi-fi y KB-1042",
    "ERR_CONNECTION_RESET / DNS_PROBE_FINISHED_NXDOMAIN",
    "ĳssel Ŀlíbre ſ",
    "Привет мир Ελληνικά ΣΊΣΥΦΟΣ",
    "日本語テキスト 한국어",
    "İstanbul ǅemal",
    "Ⅻ ① x² 1½",
    "e\u{200b}mail con soft\u{ad}hyphen",
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa larga",
    "Dos  espacios\ty tabulador",
];

/// One article per [`HOSTILE_HEADINGS`] entry, its section anchored where
/// the Rust analyzer says (so the record leaves the anchor out), each with
/// `ancla` in its title and text.
fn anchored_corpus() -> Vec<SearchDocument> {
    HOSTILE_HEADINGS
        .iter()
        .enumerate()
        .map(|(i, heading)| SearchDocument {
            id: format!("KB-{}", 3000 + i),
            lang: "es".to_string(),
            url: format!("anclas/{i}/"),
            title: format!("Ancla {}", FILLER[i]),
            description: String::new(),
            tier: "L1".to_string(),
            category: "anclas".to_string(),
            trail: Vec::new(),
            doc_type: "how-to".to_string(),
            keywords: Vec::new(),
            sections: vec![Section {
                // Derived as the exporter reads the heading: composed.
                anchor: Some(heading_anchor(&canonical(heading))),
                heading: Some(heading.to_string()),
                text: "El texto del ancla.".to_string(),
            }],
            internal: false,
            confidence: None,
        })
        .collect()
}
