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
/// impresora no imprime"); the accented interrogatives it lists only
/// unaccented are folded there.
const SPANISH: &[&str] = &[
    "ayuda",
    "ayudar",
    "debo",
    "encontrar",
    "encuentro",
    "favor",
    "funciona",
    "funcionan",
    "funcionar",
    "hacer",
    "hago",
    "necesito",
    "podemos",
    "poder",
    "puede",
    "pueden",
    "puedes",
    "puedo",
    "quiero",
    "quisiera",
];

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
}
