use super::*;
use crate::engine::Engine;
use crate::personal::Personal;
use crate::query::Query;
use proptest::prelude::*;

fn all_loaded(built: &Built) -> BodyIndex {
    let index = BodyIndex::new(Manifest::read(built.manifest.as_bytes()).unwrap());
    for (i, shard) in built.shards.iter().enumerate() {
        assert!(index.add(i, &shard.bytes).unwrap());
    }
    index
}

#[test]
fn with_its_shards_a_card_index_finds_what_the_whole_dataset_finds() {
    // In the default order, as the split writes it, so that both engines number reviews alike.
    let catalog = crate::split::in_default_order(&crate::synth::generate(300, 9));
    let files = crate::split::split(&catalog, 8 * 1024);
    let search = build(&catalog.reviews, 512);
    assert!(search.shards.len() > 3, "{} shards", search.shards.len());
    let full = crate::cards_bin::decode(&files.full.unwrap().bin).unwrap();
    let cards = Engine::new(full.catalog);
    assert!(cards.set_body_index(all_loaded(&search)));
    let whole = Engine::new(catalog);
    let me = Personal::default();
    for text in ["river", "the lost", "sil", "gold winter", "zz", "journey nobody", "ca"] {
        let q = Query { text: text.into(), ..Query::default() };
        assert_eq!(cards.run(&q, &me).order, whole.run(&q, &me).order, "{text}");
    }
}

#[test]
fn a_prefix_needs_every_shard_its_words_reach_and_no_other() {
    let manifest = Manifest {
        docs: 1,
        firsts: ["", "bar", "bat", "bath", "cat"].map(String::from).to_vec(),
        files: (0..5).map(|i| format!("s{i}.bin")).collect(),
    };
    assert_eq!(manifest.shards_for("a"), 0..1);
    assert_eq!(manifest.shards_for("ba"), 0..4, "words from \"ba\" to \"bath…\" start in shard 0");
    assert_eq!(manifest.shards_for("bat"), 2..4);
    assert_eq!(manifest.shards_for("bar"), 1..2);
    assert_eq!(manifest.shards_for("cattle"), 4..5);
    assert_eq!(manifest.shards_for("zebra"), 4..5);
}

#[test]
fn one_letter_words_never_fetch_shards() {
    let built = build(&crate::synth::generate(50, 2).reviews, 1024);
    let index = BodyIndex::new(Manifest::read(built.manifest.as_bytes()).unwrap());
    assert!(index.missing("a b c").is_empty());
    assert!(!index.missing("ab").is_empty());
}

#[test]
fn an_empty_catalog_has_one_empty_shard() {
    let built = build(&[], 1024);
    let index = all_loaded(&built);
    assert!(index.missing("anything").is_empty());
}

#[test]
fn a_manifest_that_is_wrong_says_where() {
    let err = |json: &str| Manifest::read(json.as_bytes()).unwrap_err().to_string();
    assert_eq!(err(r#"{"format":"x"}"#), "format: a search manifest has \"format\": \"marquee-search/1\"");
    assert_eq!(err(r#"{"format":"marquee-search/1","docs":2}"#), "shards: is required (a list)");
    let bad = r#"{"format":"marquee-search/1","docs":2,"shards":[["","a.bin"],["b","../x.bin"]]}"#;
    assert_eq!(err(bad), "shards[1]: is [first word, shard file name]");
    let unordered = r#"{"format":"marquee-search/1","docs":2,"shards":[["","a.bin"],["m","b.bin"],["c","c.bin"]]}"#;
    assert_eq!(err(unordered), "shards[2]: shards are in word order, the first from \"\"");
    assert!(err("{").contains("line 1"));
}

#[test]
fn a_shard_of_another_index_or_damaged_is_an_error_naming_the_byte() {
    let built = build(&crate::synth::generate(20, 4).reviews, 1 << 20);
    let bytes = &built.shards[0].bytes;
    assert!(Shard::read(bytes, 20).is_ok());
    assert_eq!(
        Shard::read(bytes, 21).unwrap_err().to_string(),
        "the card index is damaged at byte 8: the shard belongs to another index"
    );
    for end in 0..bytes.len() {
        assert!(matches!(Shard::read(&bytes[..end], 20), Err(DatasetError::Damaged { .. })), "cut at {end}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn no_damage_makes_the_shard_reader_panic(at in 0usize..4096, byte in any::<u8>()) {
        let built = build(&crate::synth::generate(10, 1).reviews, 1 << 20);
        let mut bytes = built.shards[0].bytes.clone();
        let at = at % bytes.len();
        bytes[at] = byte;
        let _ = Shard::read(&bytes, 10);
    }
}
