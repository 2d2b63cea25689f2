//! What machine code is generated for: an ISA ([`Target`]) and the optional
//! CPU features ([`CpuFeatures`]) it may use.
//!
//! Baseline x86-64 (2003) lacks instructions a compiler wants: `lzcnt` and
//! `tzcnt` (LZCNT, BMI1: Haswell, 2013) and, for SIMD, most of SSE4.1. The
//! dangerous part is that `lzcnt` and `tzcnt` *decode* on older CPUs: their
//! encodings are `bsr`/`bsf` with a prefix the old CPU ignores, so code that
//! assumes them runs and returns wrong numbers instead of faulting. Every
//! instruction a backend emits beyond its ISA's floor is therefore chosen by
//! asking the feature set it was handed, never assumed.
//!
//! The set is decided once per `Engine`: the features the host has
//! ([`CpuFeatures::host`]) narrowed by `Config::cpu_features` (so tests can
//! force every fallback path on any machine). Below the floor
//! ([`CpuFeatures::minimum`]) Flint refuses to build an engine rather than
//! emit code the CPU cannot run. Both ISAs' sets share one type, so
//! cross-compiling (`flint explain --target`) names features the same way.
//!
//! A backend is handed both in one [`CodegenOptions`], together with the
//! other engine-wide choices that change which instructions it may pick
//! (today: whether relaxed SIMD must be deterministic), so that every such
//! choice reaches every backend, `flint explain` and the tests by one path.

use std::fmt;

/// The ISA to generate code for.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum Target {
    /// x86-64 (AMD64).
    X86_64,
    /// AArch64 (ARM64).
    Aarch64,
}

impl Target {
    /// Every target, in the order listings show them.
    pub const ALL: [Target; 2] = [Target::X86_64, Target::Aarch64];

    /// The machine Flint is running on.
    pub fn native() -> Target {
        if cfg!(target_arch = "aarch64") {
            Target::Aarch64
        } else {
            Target::X86_64
        }
    }

    /// The name `flint explain --target` takes.
    pub fn name(self) -> &'static str {
        match self {
            Target::X86_64 => "x86_64",
            Target::Aarch64 => "aarch64",
        }
    }
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl std::str::FromStr for Target {
    type Err = String;
    fn from_str(s: &str) -> Result<Target, String> {
        match s {
            "x86_64" | "x86-64" | "x64" | "amd64" => Ok(Target::X86_64),
            "aarch64" | "arm64" => Ok(Target::Aarch64),
            _ => Err(format!(
                "unknown target `{s}`: expected `x86_64` or `aarch64`"
            )),
        }
    }
}

/// One optional CPU feature, named as the ISA manuals (and Linux's
/// `/proc/cpuinfo`) name it.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum CpuFeature {
    /// x86-64 SSE4.1: `roundss`/`roundsd` and most 128-bit integer lane ops.
    Sse41,
    /// x86-64 SSE4.2: `pcmpgtq`.
    Sse42,
    /// x86-64 POPCNT.
    Popcnt,
    /// x86-64 LZCNT (AMD's ABM): `lzcnt`, defined for a zero input.
    Lzcnt,
    /// x86-64 BMI1: `tzcnt`, defined for a zero input; `andn`.
    Bmi1,
    /// x86-64 BMI2: flag-less shifts (`shlx`, `sarx`, `shrx`), `rorx`.
    Bmi2,
    /// x86-64 AVX: three-operand (VEX) forms of the SSE instructions.
    Avx,
    /// x86-64 AVX2.
    Avx2,
    /// x86-64 FMA3: fused multiply-add (`vfmadd213ps` ...), one rounding.
    Fma,
    /// aarch64 FEAT_LSE: single-instruction atomics.
    Lse,
    /// aarch64 FEAT_DotProd: `sdot`/`udot`.
    DotProd,
}

impl CpuFeature {
    /// Every feature Flint knows, x86-64's first.
    pub const ALL: [CpuFeature; 11] = [
        CpuFeature::Sse41,
        CpuFeature::Sse42,
        CpuFeature::Popcnt,
        CpuFeature::Lzcnt,
        CpuFeature::Bmi1,
        CpuFeature::Bmi2,
        CpuFeature::Avx,
        CpuFeature::Avx2,
        CpuFeature::Fma,
        CpuFeature::Lse,
        CpuFeature::DotProd,
    ];

    /// The feature's name, as `is_x86_feature_detected!` spells it.
    pub fn name(self) -> &'static str {
        match self {
            CpuFeature::Sse41 => "sse4.1",
            CpuFeature::Sse42 => "sse4.2",
            CpuFeature::Popcnt => "popcnt",
            CpuFeature::Lzcnt => "lzcnt",
            CpuFeature::Bmi1 => "bmi1",
            CpuFeature::Bmi2 => "bmi2",
            CpuFeature::Avx => "avx",
            CpuFeature::Avx2 => "avx2",
            CpuFeature::Fma => "fma",
            CpuFeature::Lse => "lse",
            CpuFeature::DotProd => "dotprod",
        }
    }

    /// The ISA the feature belongs to.
    pub fn target(self) -> Target {
        match self {
            CpuFeature::Lse | CpuFeature::DotProd => Target::Aarch64,
            _ => Target::X86_64,
        }
    }

    fn bit(self) -> u32 {
        1 << self as u32
    }
}

/// A set of [`CpuFeature`]s, for one ISA or both (each backend looks only
/// at its own).
#[derive(Copy, Clone, PartialEq, Eq, Hash, Default)]
pub struct CpuFeatures(u32);

impl CpuFeatures {
    /// No optional feature at all.
    pub const NONE: CpuFeatures = CpuFeatures(0);

    /// Every feature of every ISA: "no restriction" when used as
    /// `Config::cpu_features`, and what the asm-tests' default listings are
    /// compiled for, so that they do not depend on the machine running them.
    pub fn all() -> CpuFeatures {
        CpuFeature::ALL.iter().copied().collect()
    }

    /// The features the machine running Flint has, detected once.
    pub fn host() -> CpuFeatures {
        static HOST: std::sync::OnceLock<CpuFeatures> = std::sync::OnceLock::new();
        *HOST.get_or_init(detect)
    }

    /// The floor for `target`: Flint does not generate code for a CPU
    /// without these. x86-64: x86-64-v2's SSE4.1, SSE4.2 and POPCNT (every
    /// x86-64 CPU since Intel Nehalem, 2008, and AMD Bulldozer, 2011);
    /// SIMD lowerings assume SSE4.1, and integer `popcnt` has no cheap
    /// fallback. aarch64: nothing beyond the base ISA (NEON included).
    pub fn minimum(target: Target) -> CpuFeatures {
        match target {
            Target::X86_64 => [CpuFeature::Sse41, CpuFeature::Sse42, CpuFeature::Popcnt]
                .into_iter()
                .collect(),
            Target::Aarch64 => CpuFeatures::NONE,
        }
    }

    /// Whether `feature` is in the set.
    pub fn contains(self, feature: CpuFeature) -> bool {
        self.0 & feature.bit() != 0
    }

    /// The set with `feature` added.
    pub fn with(self, feature: CpuFeature) -> CpuFeatures {
        CpuFeatures(self.0 | feature.bit())
    }

    /// The set with `feature` removed.
    pub fn without(self, feature: CpuFeature) -> CpuFeatures {
        CpuFeatures(self.0 & !feature.bit())
    }

    /// The features in both sets.
    pub fn intersection(self, other: CpuFeatures) -> CpuFeatures {
        CpuFeatures(self.0 & other.0)
    }

    /// `true` when every feature of `other` is in `self`.
    pub fn is_superset(self, other: CpuFeatures) -> bool {
        self.0 & other.0 == other.0
    }

    /// The features of `target` only.
    pub fn for_target(self, target: Target) -> CpuFeatures {
        self.iter().filter(|f| f.target() == target).collect()
    }

    /// The set as bits (`CpuFeature::bit`), for compiled artifacts.
    pub(crate) fn bits(self) -> u32 {
        self.0
    }

    /// The set of `bits` (`CpuFeatures::bits`); `None` if a bit is no
    /// feature Flint knows.
    pub(crate) fn from_bits(bits: u32) -> Option<CpuFeatures> {
        (bits & !CpuFeatures::all().0 == 0).then_some(CpuFeatures(bits))
    }

    /// The features in the set.
    pub fn iter(self) -> impl Iterator<Item = CpuFeature> {
        CpuFeature::ALL
            .into_iter()
            .filter(move |&f| self.contains(f))
    }
}

impl FromIterator<CpuFeature> for CpuFeatures {
    fn from_iter<I: IntoIterator<Item = CpuFeature>>(iter: I) -> CpuFeatures {
        CpuFeatures(iter.into_iter().fold(0, |bits, f| bits | f.bit()))
    }
}

/// Space-separated feature names (`none` for the empty set).
impl fmt::Display for CpuFeatures {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0 == 0 {
            return f.write_str("none");
        }
        let names: Vec<&str> = self.iter().map(CpuFeature::name).collect();
        f.write_str(&names.join(" "))
    }
}

impl fmt::Debug for CpuFeatures {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CpuFeatures({self})")
    }
}

/// A comma- or space-separated list of feature names; `none` and `all`
/// stand for the empty and the full set.
impl std::str::FromStr for CpuFeatures {
    type Err = String;
    fn from_str(s: &str) -> Result<CpuFeatures, String> {
        let mut set = CpuFeatures::NONE;
        for word in s.split([',', ' ']).filter(|w| !w.is_empty()) {
            set = match word {
                "none" => set,
                "all" => CpuFeatures::all(),
                _ => set.with(
                    CpuFeature::ALL
                        .into_iter()
                        .find(|f| f.name() == word)
                        .ok_or_else(|| {
                            let known: Vec<&str> =
                                CpuFeature::ALL.iter().map(|f| f.name()).collect();
                            format!("unknown CPU feature `{word}` (known: {})", known.join(", "))
                        })?,
                ),
            };
        }
        Ok(set)
    }
}

/// Everything a backend is told when it is created (`MacroAssembler::new`):
/// what it may use, and what its code must promise. Decided once per
/// `Engine` from its `Config`.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Default)]
pub struct CodegenOptions {
    /// The optional instructions the code may use (each backend looks only
    /// at its own ISA's).
    pub features: CpuFeatures,
    /// `Config::relaxed_simd_deterministic`: every relaxed SIMD operator
    /// returns the same bits on every ISA and feature set (see
    /// `masm::simd`); otherwise each uses its ISA's fastest allowed form.
    pub relaxed_simd_deterministic: bool,
}

/// The options of an engine with the default `Config` and these features
/// (relaxed SIMD not deterministic).
impl From<CpuFeatures> for CodegenOptions {
    fn from(features: CpuFeatures) -> CodegenOptions {
        CodegenOptions {
            features,
            relaxed_simd_deterministic: false,
        }
    }
}

#[cfg(target_arch = "x86_64")]
fn detect() -> CpuFeatures {
    use CpuFeature::*;
    let found = [
        (Sse41, std::arch::is_x86_feature_detected!("sse4.1")),
        (Sse42, std::arch::is_x86_feature_detected!("sse4.2")),
        (Popcnt, std::arch::is_x86_feature_detected!("popcnt")),
        (Lzcnt, std::arch::is_x86_feature_detected!("lzcnt")),
        (Bmi1, std::arch::is_x86_feature_detected!("bmi1")),
        (Bmi2, std::arch::is_x86_feature_detected!("bmi2")),
        (Avx, std::arch::is_x86_feature_detected!("avx")),
        (Avx2, std::arch::is_x86_feature_detected!("avx2")),
        (Fma, std::arch::is_x86_feature_detected!("fma")),
    ];
    found
        .into_iter()
        .filter(|&(_, has)| has)
        .map(|(f, _)| f)
        .collect()
}

#[cfg(target_arch = "aarch64")]
fn detect() -> CpuFeatures {
    use CpuFeature::*;
    let found = [
        (Lse, std::arch::is_aarch64_feature_detected!("lse")),
        (DotProd, std::arch::is_aarch64_feature_detected!("dotprod")),
    ];
    found
        .into_iter()
        .filter(|&(_, has)| has)
        .map(|(f, _)| f)
        .collect()
}

#[cfg(not(any(target_arch = "x86_64", target_arch = "aarch64")))]
fn detect() -> CpuFeatures {
    CpuFeatures::NONE
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        let all = CpuFeatures::all();
        assert_eq!(all.to_string().parse::<CpuFeatures>(), Ok(all));
        assert_eq!("none".parse::<CpuFeatures>(), Ok(CpuFeatures::NONE));
        assert_eq!(
            "sse4.1,popcnt".parse::<CpuFeatures>(),
            Ok(CpuFeatures::NONE
                .with(CpuFeature::Sse41)
                .with(CpuFeature::Popcnt))
        );
        assert!("sse5".parse::<CpuFeatures>().is_err());
    }

    #[test]
    fn the_host_meets_the_floor_it_is_tested_on() {
        // Every machine the tests run on (including qemu's Nehalem model)
        // is at or above the floor; below it `Engine::new` refuses.
        let native = Target::native();
        assert!(CpuFeatures::host().is_superset(CpuFeatures::minimum(native)));
        assert_eq!(CpuFeatures::host().for_target(native), CpuFeatures::host());
    }
}
