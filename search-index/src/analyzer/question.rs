//! Question words: the words a query is phrased with that name nothing an
//! article is about ("how do I reset my password", "no puedo imprimir").
//!
//! In: a language code. Out: its list, in the folded form of a query's
//! surfaces (lower case, accents folded), none of them a stop word (stop
//! words are dropped before; tests pin both). The query planner makes a
//! question word optional when the query has another word (QUERY.md,
//! "Planning", step 5): it still adds to an article's score, but an
//! article need not have it, so the password article without "how" or
//! "my" is found. The list goes to each language's manifest, so the
//! browser engine reads the very same words.

/// English: interrogatives, auxiliaries, personal pronouns, the words of
/// a request, and the verbs a reader frames a problem with that an
/// article words otherwise: "find" ("where do I find the VPN settings")
/// and "work" ("my printer is not working" for the article "The printer
/// is not printing"); and what the apostrophe of a contraction leaves,
/// typed or not ("doesn't" is `doesn` and `t`, "won't" `won` and `t`,
/// "I'm" `i` and `m`; `doesnt`, `wont`, `cant`): "outlook doesn't open"
/// asked for `doesn`, which no article about Outlook need have, so no
/// article had every word. Not the negation itself: tantivy's English
/// stop list, the Lucene one, has "not" and "no", which support questions
/// keep searchable and required ("not printing" is the symptom).
const ENGLISH: &[&str] = &[
    "ain",
    "aint",
    "am",
    "any",
    "anyone",
    "aren",
    "arent",
    "can",
    "cannot",
    "cant",
    "could",
    "couldn",
    "couldnt",
    "d",
    "did",
    "didn",
    "didnt",
    "do",
    "does",
    "doesn",
    "doesnt",
    "doing",
    "don",
    "done",
    "dont",
    "find",
    "get",
    "getting",
    "got",
    "had",
    "hadn",
    "hadnt",
    "has",
    "hasn",
    "hasnt",
    "have",
    "haven",
    "havent",
    "having",
    "he",
    "help",
    "her",
    "him",
    "his",
    "how",
    "i",
    "im",
    "isn",
    "isnt",
    "its",
    "ll",
    "m",
    "me",
    "mine",
    "mustn",
    "mustnt",
    "my",
    "myself",
    "need",
    "needn",
    "neednt",
    "our",
    "please",
    "re",
    "s",
    "she",
    "should",
    "shouldn",
    "shouldnt",
    "so",
    "someone",
    "something",
    "t",
    "them",
    "us",
    "ve",
    "want",
    "wasn",
    "wasnt",
    "we",
    "were",
    "weren",
    "werent",
    "what",
    "whats",
    "when",
    "where",
    "which",
    "who",
    "why",
    "won",
    "wont",
    "work",
    "working",
    "works",
    "would",
    "wouldn",
    "wouldnt",
    "you",
    "your",
];

/// Spanish: what tantivy's Spanish list (Snowball's) leaves of the same:
/// the forms of "poder", "hacer", "querer", "necesitar", "deber",
/// "encontrar" and "funcionar" ("mi impresora no funciona" for "La
/// impresora no imprime"), and those of the verbs a problem is told with
/// ("me sale el error 0x80070005", "me aparece", "me da error", "va
/// lento", "qué pasa con"), which the article about the error need not
/// say; the accented interrogatives it lists only unaccented are folded
/// there. (`tengo`, `tiene` are in the stop list already.)
const SPANISH: &[&str] = &[
    "aparece",
    "aparecen",
    "ayuda",
    "ayudar",
    "da",
    "dan",
    "debo",
    "dice",
    "dicen",
    "encontrar",
    "encuentro",
    "favor",
    "funciona",
    "funcionan",
    "funcionar",
    "hacer",
    "hago",
    "necesito",
    "ocurre",
    "pasa",
    "podemos",
    "poder",
    "puede",
    "pueden",
    "puedes",
    "puedo",
    "quiero",
    "quisiera",
    "sale",
    "salen",
    "sucede",
    "va",
    "van",
];

/// Words a query is phrased with that the language's stop list may hold
/// (pronouns, articles, the forms of "tener", "estar", "ser" and "haber"
/// a problem is told with: "me sale", "no tengo internet", "estoy sin
/// correo"), folded as a query's surfaces are. The export adds those that
/// are stop words to the vocabulary when no article has them, so that a
/// query drops them as it drops every other stop word: absent from the
/// vocabulary, `me` was an unknown word, required, and "me sale el error
/// 0x80070005" found no article with every word on a site whose articles
/// never say "me".
const SPANISH_PHRASING: &[&str] = &[
    "al", "algo", "como", "con", "cuando", "del", "desde", "donde", "el", "en", "es", "esa", "ese",
    "eso", "esta", "estamos", "estan", "estas", "este", "esto", "estoy", "ha", "han", "has", "hay",
    "he", "hemos", "la", "las", "le", "les", "lo", "los", "me", "mi", "mis", "mucho", "muy",
    "nada", "nos", "o", "otra", "otro", "para", "pero", "poco", "por", "porque", "que", "se",
    "sin", "sobre", "son", "soy", "su", "sus", "te", "tenemos", "tengo", "tiene", "tienen",
    "tienes", "todo", "todos", "tu", "tus", "un", "una", "unos", "y", "ya", "yo",
];

/// English: the same for the Lucene stop list that tantivy uses.
const ENGLISH_PHRASING: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it",
    "of", "on", "or", "such", "that", "the", "their", "then", "there", "these", "they", "this",
    "to", "was", "will", "with",
];

/// The words a query of `lang` is phrased with that the export adds to
/// the vocabulary when they are stop words that no article has
/// ([`SPANISH_PHRASING`]).
pub fn phrasing_words(lang: &str) -> &'static [&'static str] {
    match lang {
        "en" => ENGLISH_PHRASING,
        "es" => SPANISH_PHRASING,
        _ => &[],
    }
}

/// The question words of `lang` (none for a language without a list).
pub fn question_words(lang: &str) -> &'static [&'static str] {
    match lang {
        "en" => ENGLISH,
        "es" => SPANISH,
        _ => &[],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyzer::{Mode, StopWords, stemmer_language, surface_forms};

    #[test]
    fn question_words_are_folded_sorted_and_never_stop_words() {
        for lang in ["en", "es"] {
            let words = question_words(lang);
            let mut stop = StopWords::new(stemmer_language(lang).unwrap());
            assert!(
                words.windows(2).all(|w| w[0] < w[1]),
                "{lang}: sorted, no repeats"
            );
            for word in words {
                assert_eq!(
                    surface_forms(Mode::Query, word),
                    vec![word.to_string()],
                    "{word}"
                );
                assert!(!stop.is_stop(word), "{lang}: {word} is a stop word already");
            }
        }
        assert!(question_words("de").is_empty());
    }

    #[test]
    fn phrasing_words_are_folded_and_sorted() {
        for lang in ["en", "es"] {
            let words = phrasing_words(lang);
            assert!(words.windows(2).all(|w| w[0] < w[1]), "{lang}: sorted");
            for word in words {
                assert_eq!(surface_forms(Mode::Query, word), vec![word.to_string()]);
            }
        }
        // Most are stop words: those are the ones the export adds.
        let mut stop = StopWords::new(stemmer_language("es").unwrap());
        assert!(
            ["me", "tengo", "estoy", "se"]
                .iter()
                .all(|w| stop.is_stop(w))
        );
    }
}
