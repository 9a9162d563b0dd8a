//! A deterministic generator of knowledge-base-like articles (Zipf-ish word
//! frequencies, Spanish-looking vocabulary, error codes), for size and
//! ranking tests on thousands of articles.

use search_index::{SearchDocument, Section};

/// xorshift64*: small, deterministic, good enough for test data.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    /// Zipf-like pick in 0..n (rank r with weight ~ 1/(r+1)).
    pub fn zipf(&mut self, n: usize) -> usize {
        let u = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        let x = ((n as f64 + 1.0).powf(u) - 1.0) as usize;
        x.min(n - 1)
    }
}

const BASE: &[&str] = &[
    "red",
    "wifi",
    "impresora",
    "contraseña",
    "correo",
    "cuenta",
    "portátil",
    "pantalla",
    "teclado",
    "servidor",
    "conexión",
    "usuario",
    "permiso",
    "carpeta",
    "archivo",
    "sistema",
    "aplicación",
    "navegador",
    "actualización",
    "error",
    "fallo",
    "equipo",
    "teléfono",
    "móvil",
    "licencia",
    "programa",
    "instalación",
    "configuración",
    "sesión",
    "acceso",
    "certificado",
    "dominio",
    "proxy",
    "cortafuegos",
    "disco",
    "memoria",
    "batería",
    "cargador",
    "monitor",
    "ratón",
    "audio",
    "cámara",
    "reunión",
    "calendario",
    "grupo",
];
const SUFFIXES: &[&str] = &[
    "", "s", "es", "ar", "ando", "ado", "ción", "ciones", "mente", "idad",
];
const SYLLABLES: &[&str] = &[
    "ca", "de", "la", "mo", "re", "ta", "ni", "po", "su", "fe", "ri", "co", "ve", "lu", "sa", "to",
    "mi", "ga", "pe", "bo", "ja", "ne", "di", "ro",
];
const STOP: &[&str] = &[
    "de", "la", "el", "en", "y", "que", "los", "se", "con", "por", "para", "una",
];

/// A vocabulary of `n` distinct word forms: real words with suffixes first,
/// then pseudo-words.
pub fn vocabulary(n: usize, rng: &mut Rng) -> Vec<String> {
    let mut words: Vec<String> = Vec::with_capacity(n);
    let mut seen = std::collections::BTreeSet::new();
    for b in BASE {
        for s in SUFFIXES {
            let w = format!("{b}{s}");
            if seen.insert(w.clone()) {
                words.push(w);
            }
        }
    }
    while words.len() < n {
        let len = 2 + rng.below(3);
        let w: String = (0..len)
            .map(|_| SYLLABLES[rng.below(SYLLABLES.len())])
            .collect();
        let w = format!("{w}{}", SUFFIXES[rng.below(SUFFIXES.len())]);
        if seen.insert(w.clone()) {
            words.push(w);
        }
    }
    words
}

fn sentence(rng: &mut Rng, vocab: &[String], min: usize, spread: usize) -> String {
    let words = min + rng.below(spread.max(1));
    let mut out = Vec::with_capacity(words);
    for _ in 0..words {
        if rng.below(3) == 0 {
            out.push(STOP[rng.below(STOP.len())].to_string());
        } else {
            out.push(vocab[rng.zipf(vocab.len())].clone());
        }
    }
    out.join(" ")
}

/// `count` Spanish articles of about `words` words each.
pub fn corpus(count: usize, words: usize, seed: u64) -> Vec<SearchDocument> {
    let mut rng = Rng::new(seed);
    let vocab = vocabulary(40_000, &mut rng);
    let categories = [
        "red",
        "cuentas",
        "impresion",
        "correo",
        "equipos",
        "vpn",
        "software",
    ];
    let types = [
        "troubleshooting",
        "how-to",
        "faq",
        "known-issue",
        "reference",
    ];
    let tiers = ["L1", "L2", "L3", "L4"];
    (0..count)
        .map(|i| {
            let sections = 3 + rng.below(4);
            let per = words / sections;
            let code = format!("0x8007{:04x}", rng.below(0xffff));
            SearchDocument {
                id: format!("KB-{:05}", i),
                lang: "es".to_string(),
                url: format!("{}/articulo-{i}/", categories[i % categories.len()]),
                title: sentence(&mut rng, &vocab, 4, 5),
                description: sentence(&mut rng, &vocab, 12, 10),
                tier: tiers[rng.below(tiers.len())].to_string(),
                category: categories[rng.below(categories.len())].to_string(),
                trail: Vec::new(),
                doc_type: types[rng.below(types.len())].to_string(),
                keywords: vec![
                    vocab[rng.zipf(vocab.len())].clone(),
                    vocab[rng.zipf(vocab.len())].clone(),
                    code.to_uppercase(),
                ],
                internal: false,
                confidence: None,
                sections: (0..sections)
                    .map(|s| Section {
                        anchor: (s > 0).then(|| format!("seccion-{s}")),
                        heading: (s > 0).then(|| sentence(&mut rng, &vocab, 3, 3)),
                        text: format!(
                            "{}. Error {code}. {}",
                            sentence(&mut rng, &vocab, per / 2, 1),
                            sentence(&mut rng, &vocab, per / 2, 1)
                        ),
                    })
                    .collect(),
            }
        })
        .collect()
}
