//! Write the compile-complexity patterns (`flint_oracle::patterns`), small,
//! as `.wasm` files into a directory: `fuzz/seed-corpus.sh` puts them in the
//! `module_bytes` corpus, so libFuzzer mutates the shapes that once made
//! compile time quadratic.
//!
//! `cargo run -p flint-oracle --example write_pattern_seeds -- DIR`

fn main() {
    let dir = std::env::args()
        .nth(1)
        .expect("usage: write_pattern_seeds DIR");
    std::fs::create_dir_all(&dir).expect("the directory can be made");
    for (name, wasm) in flint_oracle::patterns::seeds() {
        let file = format!("complexity-{}.wasm", name.replace([' ', ',', '.'], "-"));
        let path = std::path::Path::new(&dir).join(file);
        std::fs::write(&path, wasm).expect("the seed can be written");
        println!("{}", path.display());
    }
}
