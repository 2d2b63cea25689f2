;; targets: x86_64 x86_64:min aarch64
;;
;; i8x16.shuffle with a few lane patterns and i8x16.swizzle, whose
;; out-of-range indices give 0. The common patterns need no index table
;; (`masm::simd::ShuffleKind`): an operand unchanged is a move (none
;; here: the result is the operand's register); an interleave of the low
;; or high halves is one punpckl*/punpckh* (x86-64) or zip1/zip2
;; (aarch64); a broadcast of one lane is a dup on aarch64, pshufd on
;; x86-64 for 32- and 64-bit lanes, pshuflw/pshufhw and pshufd for
;; 16-bit ones. Other patterns: x86-64 uses pshufd where the pattern
;; moves whole dwords of one operand, else pshufb with a constant mask
;; (two of them and a por for two operands); aarch64 uses tbl with a
;; constant index vector (and a tbx for two operands).

(module
  (func $identity (param v128 v128) (result v128)
    (i8x16.shuffle 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15
      (local.get 0) (local.get 1)))
  (func $one_source (param v128 v128) (result v128)
    (i8x16.shuffle 15 14 13 12 11 10 9 8 7 6 5 4 3 2 1 0
      (local.get 0) (local.get 1)))
  (func $two_sources (param v128 v128) (result v128)
    (i8x16.shuffle 0 17 2 19 4 21 6 23 8 25 10 27 12 29 14 31
      (local.get 0) (local.get 1)))
  (func $interleave_low_bytes (param v128 v128) (result v128)
    (i8x16.shuffle 0 16 1 17 2 18 3 19 4 20 5 21 6 22 7 23
      (local.get 0) (local.get 1)))
  (func $interleave_high_words_rhs_first (param v128 v128) (result v128)
    (i8x16.shuffle 24 25 8 9 26 27 10 11 28 29 12 13 30 31 14 15
      (local.get 0) (local.get 1)))
  (func $broadcast (param v128 v128) (result v128)
    (i8x16.shuffle 4 5 6 7 4 5 6 7 4 5 6 7 4 5 6 7
      (local.get 0) (local.get 1)))
  (func $broadcast_word (param v128 v128) (result v128)
    (i8x16.shuffle 26 27 26 27 26 27 26 27 26 27 26 27 26 27 26 27
      (local.get 0) (local.get 1)))
  (func $broadcast_byte (param v128 v128) (result v128)
    (i8x16.shuffle 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3
      (local.get 0) (local.get 1)))
  (func $second_only (param v128 v128) (result v128)
    (i8x16.shuffle 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31
      (local.get 0) (local.get 1)))
  (func $swizzle (param v128 v128) (result v128)
    (i8x16.swizzle (local.get 0) (local.get 1))))

;; ==== expected x86_64 ====
;; func 0 $identity (param v128 v128) (result v128): 48 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x2e
;;   0x24    local.get 0                   [v128:local 0]
;;   0x26    local.get 1                   [v128:local 0, v128:local 1]
;;   0x28    i8x16.shuffle 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 [v128:xmm1]
;;             001b  movdqu xmm0, [rbp+0x20]
;;             0020  movdqu xmm1, [rbp+0x10]
;;   0x3a    end                           (returned)
;;             0025  movaps xmm0, xmm1
;;             0029  mov rsp, rbp
;;             002c  pop rbp
;;             002d  ret
;;           out-of-line stubs
;;             002e  ud2  ; trap: call stack exhausted
;;
;; func 1 $one_source (param v128 v128) (result v128): 85 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x53
;;   0x3d    local.get 0                   [v128:local 0]
;;   0x3f    local.get 1                   [v128:local 0, v128:local 1]
;;   0x41    i8x16.shuffle 15 14 13 12 11 10 9 8 7 6 5 4 3 2 1 0 [v128:xmm1]
;;             001b  movdqu xmm0, [rbp+0x20]
;;             0020  movdqu xmm1, [rbp+0x10]
;;             0025  mov rax, 0x8090a0b0c0d0e0f
;;             002f  movq xmm15, rax
;;             0034  mov rax, 0x1020304050607
;;             003e  pinsrq xmm15, rax, 1
;;             0045  vpshufb xmm1, xmm1, xmm15
;;   0x53    end                           (returned)
;;             004a  movaps xmm0, xmm1
;;             004e  mov rsp, rbp
;;             0051  pop rbp
;;             0052  ret
;;           out-of-line stubs
;;             0053  ud2  ; trap: call stack exhausted
;;
;; func 2 $two_sources (param v128 v128) (result v128): 127 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x7d
;;   0x56    local.get 0                   [v128:local 0]
;;   0x58    local.get 1                   [v128:local 0, v128:local 1]
;;   0x5a    i8x16.shuffle 0 17 2 19 4 21 6 23 8 25 10 27 12 29 14 31 [v128:xmm1]
;;             001b  movdqu xmm0, [rbp+0x20]
;;             0020  movdqu xmm1, [rbp+0x10]
;;             0025  mov rax, 0x8006800480028000
;;             002f  movq xmm14, rax
;;             0034  mov rax, 0x800e800c800a8008
;;             003e  pinsrq xmm14, rax, 1
;;             0045  vpshufb xmm15, xmm1, xmm14
;;             004a  mov rax, 0x780058003800180
;;             0054  movq xmm14, rax
;;             0059  mov rax, 0xf800d800b800980
;;             0063  pinsrq xmm14, rax, 1
;;             006a  vpshufb xmm1, xmm0, xmm14
;;             006f  por xmm1, xmm15
;;   0x6c    end                           (returned)
;;             0074  movaps xmm0, xmm1
;;             0078  mov rsp, rbp
;;             007b  pop rbp
;;             007c  ret
;;           out-of-line stubs
;;             007d  ud2  ; trap: call stack exhausted
;;
;; func 3 $interleave_low_bytes (param v128 v128) (result v128): 53 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x33
;;   0x6f    local.get 0                   [v128:local 0]
;;   0x71    local.get 1                   [v128:local 0, v128:local 1]
;;   0x73    i8x16.shuffle 0 16 1 17 2 18 3 19 4 20 5 21 6 22 7 23 [v128:xmm1]
;;             001b  movdqu xmm0, [rbp+0x20]
;;             0020  movdqu xmm1, [rbp+0x10]
;;             0025  vpunpcklbw xmm1, xmm1, xmm0
;;   0x85    end                           (returned)
;;             002a  movaps xmm0, xmm1
;;             002e  mov rsp, rbp
;;             0031  pop rbp
;;             0032  ret
;;           out-of-line stubs
;;             0033  ud2  ; trap: call stack exhausted
;;
;; func 4 $interleave_high_words_rhs_first (param v128 v128) (result v128): 53 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x33
;;   0x88    local.get 0                   [v128:local 0]
;;   0x8a    local.get 1                   [v128:local 0, v128:local 1]
;;   0x8c    i8x16.shuffle 24 25 8 9 26 27 10 11 28 29 12 13 30 31 14 15 [v128:xmm1]
;;             001b  movdqu xmm0, [rbp+0x20]
;;             0020  movdqu xmm1, [rbp+0x10]
;;             0025  vpunpckhwd xmm1, xmm0, xmm1
;;   0x9e    end                           (returned)
;;             002a  movaps xmm0, xmm1
;;             002e  mov rsp, rbp
;;             0031  pop rbp
;;             0032  ret
;;           out-of-line stubs
;;             0033  ud2  ; trap: call stack exhausted
;;
;; func 5 $broadcast (param v128 v128) (result v128): 54 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x34
;;   0xa1    local.get 0                   [v128:local 0]
;;   0xa3    local.get 1                   [v128:local 0, v128:local 1]
;;   0xa5    i8x16.shuffle 4 5 6 7 4 5 6 7 4 5 6 7 4 5 6 7 [v128:xmm1]
;;             001b  movdqu xmm0, [rbp+0x20]
;;             0020  movdqu xmm1, [rbp+0x10]
;;             0025  pshufd xmm1, xmm1, 0x55
;;   0xb7    end                           (returned)
;;             002b  movaps xmm0, xmm1
;;             002f  mov rsp, rbp
;;             0032  pop rbp
;;             0033  ret
;;           out-of-line stubs
;;             0034  ud2  ; trap: call stack exhausted
;;
;; func 6 $broadcast_word (param v128 v128) (result v128): 60 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x3a
;;   0xba    local.get 0                   [v128:local 0]
;;   0xbc    local.get 1                   [v128:local 0, v128:local 1]
;;   0xbe    i8x16.shuffle 26 27 26 27 26 27 26 27 26 27 26 27 26 27 26 27 [v128:xmm1]
;;             001b  movdqu xmm0, [rbp+0x20]
;;             0020  movdqu xmm1, [rbp+0x10]
;;             0025  pshufhw xmm1, xmm0, 0x55
;;             002b  pshufd xmm1, xmm1, 0xaa
;;   0xd0    end                           (returned)
;;             0031  movaps xmm0, xmm1
;;             0035  mov rsp, rbp
;;             0038  pop rbp
;;             0039  ret
;;           out-of-line stubs
;;             003a  ud2  ; trap: call stack exhausted
;;
;; func 7 $broadcast_byte (param v128 v128) (result v128): 69 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x43
;;   0xd3    local.get 0                   [v128:local 0]
;;   0xd5    local.get 1                   [v128:local 0, v128:local 1]
;;   0xd7    i8x16.shuffle 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 [v128:xmm1]
;;             001b  movdqu xmm0, [rbp+0x20]
;;             0020  movdqu xmm1, [rbp+0x10]
;;             0025  mov eax, 0x3030303
;;             002a  movd xmm15, eax
;;             002f  pshufd xmm15, xmm15, 0
;;             0035  vpshufb xmm1, xmm1, xmm15
;;   0xe9    end                           (returned)
;;             003a  movaps xmm0, xmm1
;;             003e  mov rsp, rbp
;;             0041  pop rbp
;;             0042  ret
;;           out-of-line stubs
;;             0043  ud2  ; trap: call stack exhausted
;;
;; func 8 $second_only (param v128 v128) (result v128): 52 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x32
;;   0xec    local.get 0                   [v128:local 0]
;;   0xee    local.get 1                   [v128:local 0, v128:local 1]
;;   0xf0    i8x16.shuffle 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 [v128:xmm1]
;;             001b  movdqu xmm0, [rbp+0x20]
;;             0020  movdqu xmm1, [rbp+0x10]
;;             0025  movaps xmm1, xmm0
;;   0x102   end                           (returned)
;;             0029  movaps xmm0, xmm1
;;             002d  mov rsp, rbp
;;             0030  pop rbp
;;             0031  ret
;;           out-of-line stubs
;;             0032  ud2  ; trap: call stack exhausted
;;
;; func 9 $swizzle (param v128 v128) (result v128): 74 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x48
;;   0x105   local.get 0                   [v128:local 0]
;;   0x107   local.get 1                   [v128:local 0, v128:local 1]
;;   0x109   i8x16.swizzle                 [v128:xmm1]
;;             001b  movdqu xmm0, [rbp+0x20]
;;             0020  movdqu xmm1, [rbp+0x10]
;;             0025  mov eax, 0x70707070
;;             002a  movd xmm15, eax
;;             002f  pshufd xmm15, xmm15, 0
;;             0035  paddusb xmm15, xmm0
;;             003a  vpshufb xmm1, xmm1, xmm15
;;   0x10b   end                           (returned)
;;             003f  movaps xmm0, xmm1
;;             0043  mov rsp, rbp
;;             0046  pop rbp
;;             0047  ret
;;           out-of-line stubs
;;             0048  ud2  ; trap: call stack exhausted

;; ==== expected x86_64:min ====
;; func 0 $identity (param v128 v128) (result v128): 48 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x2e
;;   0x24    local.get 0                   [v128:local 0]
;;   0x26    local.get 1                   [v128:local 0, v128:local 1]
;;   0x28    i8x16.shuffle 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 [v128:xmm1]
;;             001b  movdqu xmm0, [rbp+0x20]
;;             0020  movdqu xmm1, [rbp+0x10]
;;   0x3a    end                           (returned)
;;             0025  movaps xmm0, xmm1
;;             0029  mov rsp, rbp
;;             002c  pop rbp
;;             002d  ret
;;           out-of-line stubs
;;             002e  ud2  ; trap: call stack exhausted
;;
;; func 1 $one_source (param v128 v128) (result v128): 86 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x54
;;   0x3d    local.get 0                   [v128:local 0]
;;   0x3f    local.get 1                   [v128:local 0, v128:local 1]
;;   0x41    i8x16.shuffle 15 14 13 12 11 10 9 8 7 6 5 4 3 2 1 0 [v128:xmm1]
;;             001b  movdqu xmm0, [rbp+0x20]
;;             0020  movdqu xmm1, [rbp+0x10]
;;             0025  mov rax, 0x8090a0b0c0d0e0f
;;             002f  movq xmm15, rax
;;             0034  mov rax, 0x1020304050607
;;             003e  pinsrq xmm15, rax, 1
;;             0045  pshufb xmm1, xmm15
;;   0x53    end                           (returned)
;;             004b  movaps xmm0, xmm1
;;             004f  mov rsp, rbp
;;             0052  pop rbp
;;             0053  ret
;;           out-of-line stubs
;;             0054  ud2  ; trap: call stack exhausted
;;
;; func 2 $two_sources (param v128 v128) (result v128): 137 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x87
;;   0x56    local.get 0                   [v128:local 0]
;;   0x58    local.get 1                   [v128:local 0, v128:local 1]
;;   0x5a    i8x16.shuffle 0 17 2 19 4 21 6 23 8 25 10 27 12 29 14 31 [v128:xmm1]
;;             001b  movdqu xmm0, [rbp+0x20]
;;             0020  movdqu xmm1, [rbp+0x10]
;;             0025  mov rax, 0x8006800480028000
;;             002f  movq xmm14, rax
;;             0034  mov rax, 0x800e800c800a8008
;;             003e  pinsrq xmm14, rax, 1
;;             0045  movaps xmm15, xmm1
;;             0049  pshufb xmm15, xmm14
;;             004f  mov rax, 0x780058003800180
;;             0059  movq xmm14, rax
;;             005e  mov rax, 0xf800d800b800980
;;             0068  pinsrq xmm14, rax, 1
;;             006f  movaps xmm1, xmm0
;;             0073  pshufb xmm1, xmm14
;;             0079  por xmm1, xmm15
;;   0x6c    end                           (returned)
;;             007e  movaps xmm0, xmm1
;;             0082  mov rsp, rbp
;;             0085  pop rbp
;;             0086  ret
;;           out-of-line stubs
;;             0087  ud2  ; trap: call stack exhausted
;;
;; func 3 $interleave_low_bytes (param v128 v128) (result v128): 53 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x33
;;   0x6f    local.get 0                   [v128:local 0]
;;   0x71    local.get 1                   [v128:local 0, v128:local 1]
;;   0x73    i8x16.shuffle 0 16 1 17 2 18 3 19 4 20 5 21 6 22 7 23 [v128:xmm1]
;;             001b  movdqu xmm0, [rbp+0x20]
;;             0020  movdqu xmm1, [rbp+0x10]
;;             0025  punpcklbw xmm1, xmm0
;;   0x85    end                           (returned)
;;             002a  movaps xmm0, xmm1
;;             002e  mov rsp, rbp
;;             0031  pop rbp
;;             0032  ret
;;           out-of-line stubs
;;             0033  ud2  ; trap: call stack exhausted
;;
;; func 4 $interleave_high_words_rhs_first (param v128 v128) (result v128): 61 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x3b
;;   0x88    local.get 0                   [v128:local 0]
;;   0x8a    local.get 1                   [v128:local 0, v128:local 1]
;;   0x8c    i8x16.shuffle 24 25 8 9 26 27 10 11 28 29 12 13 30 31 14 15 [v128:xmm1]
;;             001b  movdqu xmm0, [rbp+0x20]
;;             0020  movdqu xmm1, [rbp+0x10]
;;             0025  movaps xmm15, xmm0
;;             0029  punpckhwd xmm15, xmm1
;;             002e  movaps xmm1, xmm15
;;   0x9e    end                           (returned)
;;             0032  movaps xmm0, xmm1
;;             0036  mov rsp, rbp
;;             0039  pop rbp
;;             003a  ret
;;           out-of-line stubs
;;             003b  ud2  ; trap: call stack exhausted
;;
;; func 5 $broadcast (param v128 v128) (result v128): 54 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x34
;;   0xa1    local.get 0                   [v128:local 0]
;;   0xa3    local.get 1                   [v128:local 0, v128:local 1]
;;   0xa5    i8x16.shuffle 4 5 6 7 4 5 6 7 4 5 6 7 4 5 6 7 [v128:xmm1]
;;             001b  movdqu xmm0, [rbp+0x20]
;;             0020  movdqu xmm1, [rbp+0x10]
;;             0025  pshufd xmm1, xmm1, 0x55
;;   0xb7    end                           (returned)
;;             002b  movaps xmm0, xmm1
;;             002f  mov rsp, rbp
;;             0032  pop rbp
;;             0033  ret
;;           out-of-line stubs
;;             0034  ud2  ; trap: call stack exhausted
;;
;; func 6 $broadcast_word (param v128 v128) (result v128): 60 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x3a
;;   0xba    local.get 0                   [v128:local 0]
;;   0xbc    local.get 1                   [v128:local 0, v128:local 1]
;;   0xbe    i8x16.shuffle 26 27 26 27 26 27 26 27 26 27 26 27 26 27 26 27 [v128:xmm1]
;;             001b  movdqu xmm0, [rbp+0x20]
;;             0020  movdqu xmm1, [rbp+0x10]
;;             0025  pshufhw xmm1, xmm0, 0x55
;;             002b  pshufd xmm1, xmm1, 0xaa
;;   0xd0    end                           (returned)
;;             0031  movaps xmm0, xmm1
;;             0035  mov rsp, rbp
;;             0038  pop rbp
;;             0039  ret
;;           out-of-line stubs
;;             003a  ud2  ; trap: call stack exhausted
;;
;; func 7 $broadcast_byte (param v128 v128) (result v128): 70 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x44
;;   0xd3    local.get 0                   [v128:local 0]
;;   0xd5    local.get 1                   [v128:local 0, v128:local 1]
;;   0xd7    i8x16.shuffle 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 [v128:xmm1]
;;             001b  movdqu xmm0, [rbp+0x20]
;;             0020  movdqu xmm1, [rbp+0x10]
;;             0025  mov eax, 0x3030303
;;             002a  movd xmm15, eax
;;             002f  pshufd xmm15, xmm15, 0
;;             0035  pshufb xmm1, xmm15
;;   0xe9    end                           (returned)
;;             003b  movaps xmm0, xmm1
;;             003f  mov rsp, rbp
;;             0042  pop rbp
;;             0043  ret
;;           out-of-line stubs
;;             0044  ud2  ; trap: call stack exhausted
;;
;; func 8 $second_only (param v128 v128) (result v128): 52 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x32
;;   0xec    local.get 0                   [v128:local 0]
;;   0xee    local.get 1                   [v128:local 0, v128:local 1]
;;   0xf0    i8x16.shuffle 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 [v128:xmm1]
;;             001b  movdqu xmm0, [rbp+0x20]
;;             0020  movdqu xmm1, [rbp+0x10]
;;             0025  movaps xmm1, xmm0
;;   0x102   end                           (returned)
;;             0029  movaps xmm0, xmm1
;;             002d  mov rsp, rbp
;;             0030  pop rbp
;;             0031  ret
;;           out-of-line stubs
;;             0032  ud2  ; trap: call stack exhausted
;;
;; func 9 $swizzle (param v128 v128) (result v128): 75 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x49
;;   0x105   local.get 0                   [v128:local 0]
;;   0x107   local.get 1                   [v128:local 0, v128:local 1]
;;   0x109   i8x16.swizzle                 [v128:xmm1]
;;             001b  movdqu xmm0, [rbp+0x20]
;;             0020  movdqu xmm1, [rbp+0x10]
;;             0025  mov eax, 0x70707070
;;             002a  movd xmm15, eax
;;             002f  pshufd xmm15, xmm15, 0
;;             0035  paddusb xmm15, xmm0
;;             003a  pshufb xmm1, xmm15
;;   0x10b   end                           (returned)
;;             0040  movaps xmm0, xmm1
;;             0044  mov rsp, rbp
;;             0047  pop rbp
;;             0048  ret
;;           out-of-line stubs
;;             0049  ud2  ; trap: call stack exhausted

;; ==== expected aarch64 ====
;; func 0 $identity (param v128 v128) (result v128): 68 bytes of aarch64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  stp x29, x30, [sp, #-0x10]!
;;             0004  mov x29, sp
;;             0008  mov x16, #0x30
;;             000c  movk x16, #0x0, lsl #16
;;             0010  sub sp, sp, x16
;;             0014  stur x28, [x29, #-0x8]
;;             0018  ldr x16, [x28]
;;             001c  ldr x16, [x16]
;;             0020  cmp sp, x16
;;             0024  b.lo 0x40
;;   0x24    local.get 0                   [v128:local 0]
;;   0x26    local.get 1                   [v128:local 0, v128:local 1]
;;   0x28    i8x16.shuffle 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 [v128:q1]
;;             0028  ldr q0, [x29, #0x20]
;;             002c  ldr q1, [x29, #0x10]
;;   0x3a    end                           (returned)
;;             0030  mov v0.16b, v1.16b
;;             0034  mov sp, x29
;;             0038  ldp x29, x30, [sp], #0x10
;;             003c  ret
;;           out-of-line stubs
;;             0040  udf #0x0  ; trap: call stack exhausted
;;
;; func 1 $one_source (param v128 v128) (result v128): 112 bytes of aarch64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  stp x29, x30, [sp, #-0x10]!
;;             0004  mov x29, sp
;;             0008  mov x16, #0x30
;;             000c  movk x16, #0x0, lsl #16
;;             0010  sub sp, sp, x16
;;             0014  stur x28, [x29, #-0x8]
;;             0018  ldr x16, [x28]
;;             001c  ldr x16, [x16]
;;             0020  cmp sp, x16
;;             0024  b.lo 0x6c
;;   0x3d    local.get 0                   [v128:local 0]
;;   0x3f    local.get 1                   [v128:local 0, v128:local 1]
;;   0x41    i8x16.shuffle 15 14 13 12 11 10 9 8 7 6 5 4 3 2 1 0 [v128:q1]
;;             0028  ldr q0, [x29, #0x20]
;;             002c  ldr q1, [x29, #0x10]
;;             0030  mov x16, #0xe0f
;;             0034  movk x16, #0xc0d, lsl #16
;;             0038  movk x16, #0xa0b, lsl #32
;;             003c  movk x16, #0x809, lsl #48
;;             0040  fmov d31, x16
;;             0044  mov x16, #0x607
;;             0048  movk x16, #0x405, lsl #16
;;             004c  movk x16, #0x203, lsl #32
;;             0050  movk x16, #0x1, lsl #48
;;             0054  mov v31.d[1], x16
;;             0058  tbl v1.16b, {v1.16b}, v31.16b
;;   0x53    end                           (returned)
;;             005c  mov v0.16b, v1.16b
;;             0060  mov sp, x29
;;             0064  ldp x29, x30, [sp], #0x10
;;             0068  ret
;;           out-of-line stubs
;;             006c  udf #0x0  ; trap: call stack exhausted
;;
;; func 2 $two_sources (param v128 v128) (result v128): 120 bytes of aarch64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  stp x29, x30, [sp, #-0x10]!
;;             0004  mov x29, sp
;;             0008  mov x16, #0x30
;;             000c  movk x16, #0x0, lsl #16
;;             0010  sub sp, sp, x16
;;             0014  stur x28, [x29, #-0x8]
;;             0018  ldr x16, [x28]
;;             001c  ldr x16, [x16]
;;             0020  cmp sp, x16
;;             0024  b.lo 0x74
;;   0x56    local.get 0                   [v128:local 0]
;;   0x58    local.get 1                   [v128:local 0, v128:local 1]
;;   0x5a    i8x16.shuffle 0 17 2 19 4 21 6 23 8 25 10 27 12 29 14 31 [v128:q1]
;;             0028  ldr q0, [x29, #0x20]
;;             002c  ldr q1, [x29, #0x10]
;;             0030  mov x16, #0xfe00
;;             0034  movk x16, #0xfc02, lsl #16
;;             0038  movk x16, #0xfa04, lsl #32
;;             003c  movk x16, #0xf806, lsl #48
;;             0040  fmov d31, x16
;;             0044  mov x16, #0xf608
;;             0048  movk x16, #0xf40a, lsl #16
;;             004c  movk x16, #0xf20c, lsl #32
;;             0050  movk x16, #0xf00e, lsl #48
;;             0054  mov v31.d[1], x16
;;             0058  tbl v1.16b, {v1.16b}, v31.16b
;;             005c  mvn v31.16b, v31.16b
;;             0060  tbx v1.16b, {v0.16b}, v31.16b
;;   0x6c    end                           (returned)
;;             0064  mov v0.16b, v1.16b
;;             0068  mov sp, x29
;;             006c  ldp x29, x30, [sp], #0x10
;;             0070  ret
;;           out-of-line stubs
;;             0074  udf #0x0  ; trap: call stack exhausted
;;
;; func 3 $interleave_low_bytes (param v128 v128) (result v128): 72 bytes of aarch64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  stp x29, x30, [sp, #-0x10]!
;;             0004  mov x29, sp
;;             0008  mov x16, #0x30
;;             000c  movk x16, #0x0, lsl #16
;;             0010  sub sp, sp, x16
;;             0014  stur x28, [x29, #-0x8]
;;             0018  ldr x16, [x28]
;;             001c  ldr x16, [x16]
;;             0020  cmp sp, x16
;;             0024  b.lo 0x44
;;   0x6f    local.get 0                   [v128:local 0]
;;   0x71    local.get 1                   [v128:local 0, v128:local 1]
;;   0x73    i8x16.shuffle 0 16 1 17 2 18 3 19 4 20 5 21 6 22 7 23 [v128:q1]
;;             0028  ldr q0, [x29, #0x20]
;;             002c  ldr q1, [x29, #0x10]
;;             0030  zip1 v1.16b, v1.16b, v0.16b
;;   0x85    end                           (returned)
;;             0034  mov v0.16b, v1.16b
;;             0038  mov sp, x29
;;             003c  ldp x29, x30, [sp], #0x10
;;             0040  ret
;;           out-of-line stubs
;;             0044  udf #0x0  ; trap: call stack exhausted
;;
;; func 4 $interleave_high_words_rhs_first (param v128 v128) (result v128): 72 bytes of aarch64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  stp x29, x30, [sp, #-0x10]!
;;             0004  mov x29, sp
;;             0008  mov x16, #0x30
;;             000c  movk x16, #0x0, lsl #16
;;             0010  sub sp, sp, x16
;;             0014  stur x28, [x29, #-0x8]
;;             0018  ldr x16, [x28]
;;             001c  ldr x16, [x16]
;;             0020  cmp sp, x16
;;             0024  b.lo 0x44
;;   0x88    local.get 0                   [v128:local 0]
;;   0x8a    local.get 1                   [v128:local 0, v128:local 1]
;;   0x8c    i8x16.shuffle 24 25 8 9 26 27 10 11 28 29 12 13 30 31 14 15 [v128:q1]
;;             0028  ldr q0, [x29, #0x20]
;;             002c  ldr q1, [x29, #0x10]
;;             0030  zip2 v1.8h, v0.8h, v1.8h
;;   0x9e    end                           (returned)
;;             0034  mov v0.16b, v1.16b
;;             0038  mov sp, x29
;;             003c  ldp x29, x30, [sp], #0x10
;;             0040  ret
;;           out-of-line stubs
;;             0044  udf #0x0  ; trap: call stack exhausted
;;
;; func 5 $broadcast (param v128 v128) (result v128): 72 bytes of aarch64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  stp x29, x30, [sp, #-0x10]!
;;             0004  mov x29, sp
;;             0008  mov x16, #0x30
;;             000c  movk x16, #0x0, lsl #16
;;             0010  sub sp, sp, x16
;;             0014  stur x28, [x29, #-0x8]
;;             0018  ldr x16, [x28]
;;             001c  ldr x16, [x16]
;;             0020  cmp sp, x16
;;             0024  b.lo 0x44
;;   0xa1    local.get 0                   [v128:local 0]
;;   0xa3    local.get 1                   [v128:local 0, v128:local 1]
;;   0xa5    i8x16.shuffle 4 5 6 7 4 5 6 7 4 5 6 7 4 5 6 7 [v128:q1]
;;             0028  ldr q0, [x29, #0x20]
;;             002c  ldr q1, [x29, #0x10]
;;             0030  mov v1.4s, v1.s[1]
;;   0xb7    end                           (returned)
;;             0034  mov v0.16b, v1.16b
;;             0038  mov sp, x29
;;             003c  ldp x29, x30, [sp], #0x10
;;             0040  ret
;;           out-of-line stubs
;;             0044  udf #0x0  ; trap: call stack exhausted
;;
;; func 6 $broadcast_word (param v128 v128) (result v128): 72 bytes of aarch64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  stp x29, x30, [sp, #-0x10]!
;;             0004  mov x29, sp
;;             0008  mov x16, #0x30
;;             000c  movk x16, #0x0, lsl #16
;;             0010  sub sp, sp, x16
;;             0014  stur x28, [x29, #-0x8]
;;             0018  ldr x16, [x28]
;;             001c  ldr x16, [x16]
;;             0020  cmp sp, x16
;;             0024  b.lo 0x44
;;   0xba    local.get 0                   [v128:local 0]
;;   0xbc    local.get 1                   [v128:local 0, v128:local 1]
;;   0xbe    i8x16.shuffle 26 27 26 27 26 27 26 27 26 27 26 27 26 27 26 27 [v128:q1]
;;             0028  ldr q0, [x29, #0x20]
;;             002c  ldr q1, [x29, #0x10]
;;             0030  mov v1.8h, v0.h[5]
;;   0xd0    end                           (returned)
;;             0034  mov v0.16b, v1.16b
;;             0038  mov sp, x29
;;             003c  ldp x29, x30, [sp], #0x10
;;             0040  ret
;;           out-of-line stubs
;;             0044  udf #0x0  ; trap: call stack exhausted
;;
;; func 7 $broadcast_byte (param v128 v128) (result v128): 72 bytes of aarch64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  stp x29, x30, [sp, #-0x10]!
;;             0004  mov x29, sp
;;             0008  mov x16, #0x30
;;             000c  movk x16, #0x0, lsl #16
;;             0010  sub sp, sp, x16
;;             0014  stur x28, [x29, #-0x8]
;;             0018  ldr x16, [x28]
;;             001c  ldr x16, [x16]
;;             0020  cmp sp, x16
;;             0024  b.lo 0x44
;;   0xd3    local.get 0                   [v128:local 0]
;;   0xd5    local.get 1                   [v128:local 0, v128:local 1]
;;   0xd7    i8x16.shuffle 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 [v128:q1]
;;             0028  ldr q0, [x29, #0x20]
;;             002c  ldr q1, [x29, #0x10]
;;             0030  mov v1.16b, v1.b[3]
;;   0xe9    end                           (returned)
;;             0034  mov v0.16b, v1.16b
;;             0038  mov sp, x29
;;             003c  ldp x29, x30, [sp], #0x10
;;             0040  ret
;;           out-of-line stubs
;;             0044  udf #0x0  ; trap: call stack exhausted
;;
;; func 8 $second_only (param v128 v128) (result v128): 72 bytes of aarch64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  stp x29, x30, [sp, #-0x10]!
;;             0004  mov x29, sp
;;             0008  mov x16, #0x30
;;             000c  movk x16, #0x0, lsl #16
;;             0010  sub sp, sp, x16
;;             0014  stur x28, [x29, #-0x8]
;;             0018  ldr x16, [x28]
;;             001c  ldr x16, [x16]
;;             0020  cmp sp, x16
;;             0024  b.lo 0x44
;;   0xec    local.get 0                   [v128:local 0]
;;   0xee    local.get 1                   [v128:local 0, v128:local 1]
;;   0xf0    i8x16.shuffle 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 [v128:q1]
;;             0028  ldr q0, [x29, #0x20]
;;             002c  ldr q1, [x29, #0x10]
;;             0030  mov v1.16b, v0.16b
;;   0x102   end                           (returned)
;;             0034  mov v0.16b, v1.16b
;;             0038  mov sp, x29
;;             003c  ldp x29, x30, [sp], #0x10
;;             0040  ret
;;           out-of-line stubs
;;             0044  udf #0x0  ; trap: call stack exhausted
;;
;; func 9 $swizzle (param v128 v128) (result v128): 72 bytes of aarch64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  stp x29, x30, [sp, #-0x10]!
;;             0004  mov x29, sp
;;             0008  mov x16, #0x30
;;             000c  movk x16, #0x0, lsl #16
;;             0010  sub sp, sp, x16
;;             0014  stur x28, [x29, #-0x8]
;;             0018  ldr x16, [x28]
;;             001c  ldr x16, [x16]
;;             0020  cmp sp, x16
;;             0024  b.lo 0x44
;;   0x105   local.get 0                   [v128:local 0]
;;   0x107   local.get 1                   [v128:local 0, v128:local 1]
;;   0x109   i8x16.swizzle                 [v128:q1]
;;             0028  ldr q0, [x29, #0x20]
;;             002c  ldr q1, [x29, #0x10]
;;             0030  tbl v1.16b, {v1.16b}, v0.16b
;;   0x10b   end                           (returned)
;;             0034  mov v0.16b, v1.16b
;;             0038  mov sp, x29
;;             003c  ldp x29, x30, [sp], #0x10
;;             0040  ret
;;           out-of-line stubs
;;             0044  udf #0x0  ; trap: call stack exhausted
