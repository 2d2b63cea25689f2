;; targets: x86_64 x86_64:min aarch64
;;
;; Changing lane width: narrow (two vectors of wide lanes into one of
;; lanes half as wide, saturating), extend (the low or high half of the
;; lanes, sign- or zero-extended), extadd_pairwise (adjacent lanes summed
;; into lanes twice as wide) and extmul (a widening multiply of the low
;; or high halves).

(module
  (func $narrow (param v128 v128) (result v128)
    (i8x16.narrow_i16x8_s (local.get 0) (local.get 1))
    (i8x16.narrow_i16x8_u (local.get 1))
    (i16x8.narrow_i32x4_s (local.get 1))
    (i16x8.narrow_i32x4_u (local.get 1)))
  (func $extend (param v128) (result v128)
    (i16x8.extend_low_i8x16_s (local.get 0))
    (i16x8.extend_high_i8x16_s)
    (i16x8.extend_low_i8x16_u)
    (i16x8.extend_high_i8x16_u)
    (i32x4.extend_low_i16x8_s)
    (i32x4.extend_high_i16x8_s)
    (i32x4.extend_low_i16x8_u)
    (i32x4.extend_high_i16x8_u)
    (i64x2.extend_low_i32x4_s)
    (i64x2.extend_high_i32x4_s)
    (i64x2.extend_low_i32x4_u)
    (i64x2.extend_high_i32x4_u))
  (func $extadd_pairwise (param v128) (result v128)
    (i16x8.extadd_pairwise_i8x16_s (local.get 0))
    (i16x8.extadd_pairwise_i8x16_u)
    (i32x4.extadd_pairwise_i16x8_s)
    (i32x4.extadd_pairwise_i16x8_u))
  (func $extmul (param v128 v128) (result v128)
    (i16x8.extmul_low_i8x16_s (local.get 0) (local.get 1))
    (i16x8.extmul_high_i8x16_s (local.get 1))
    (i16x8.extmul_low_i8x16_u (local.get 1))
    (i16x8.extmul_high_i8x16_u (local.get 1))
    (i32x4.extmul_low_i16x8_s (local.get 1))
    (i32x4.extmul_high_i16x8_s (local.get 1))
    (i32x4.extmul_low_i16x8_u (local.get 1))
    (i32x4.extmul_high_i16x8_u (local.get 1))
    (i64x2.extmul_low_i32x4_s (local.get 1))
    (i64x2.extmul_high_i32x4_s (local.get 1))
    (i64x2.extmul_low_i32x4_u (local.get 1))
    (i64x2.extmul_high_i32x4_u (local.get 1))))

;; ==== expected x86_64 ====
;; func 0 $narrow (param v128 v128) (result v128): 88 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x56
;;   0x23    local.get 0                   [v128:local 0]
;;   0x25    local.get 1                   [v128:local 0, v128:local 1]
;;   0x27    i8x16.narrow_i16x8_s          [v128:xmm1]
;;             001b  movdqu xmm0, [rbp+0x20]
;;             0021  movdqu xmm1, [rbp+0x10]
;;             0027  vpacksswb xmm1, xmm1, xmm0
;;   0x29    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x2b    i8x16.narrow_i16x8_u          [v128:xmm1]
;;             002c  movdqu xmm0, [rbp+0x20]
;;             0032  vpackuswb xmm1, xmm1, xmm0
;;   0x2d    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x2f    i16x8.narrow_i32x4_s          [v128:xmm1]
;;             0037  movdqu xmm0, [rbp+0x20]
;;             003d  vpackssdw xmm1, xmm1, xmm0
;;   0x32    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x34    i16x8.narrow_i32x4_u          [v128:xmm1]
;;             0042  movdqu xmm0, [rbp+0x20]
;;             0048  vpackusdw xmm1, xmm1, xmm0
;;   0x37    end                           (returned)
;;             004d  movaps xmm0, xmm1
;;             0051  mov rsp, rbp
;;             0054  pop rbp
;;             0055  ret
;;           out-of-line stubs
;;             0056  ud2  ; trap: call stack exhausted
;;
;; func 1 $extend (param v128) (result v128): 148 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x92
;;   0x3a    local.get 0                   [v128:local 0]
;;   0x3c    i16x8.extend_low_i8x16_s      [v128:xmm0]
;;             001b  movdqu xmm0, [rbp+0x10]
;;             0021  pmovsxbw xmm0, xmm0
;;   0x3f    i16x8.extend_high_i8x16_s     [v128:xmm0]
;;             0027  pshufd xmm0, xmm0, 0xee
;;             002d  pmovsxbw xmm0, xmm0
;;   0x42    i16x8.extend_low_i8x16_u      [v128:xmm0]
;;             0033  pmovzxbw xmm0, xmm0
;;   0x45    i16x8.extend_high_i8x16_u     [v128:xmm0]
;;             0039  pshufd xmm0, xmm0, 0xee
;;             003f  pmovzxbw xmm0, xmm0
;;   0x48    i32x4.extend_low_i16x8_s      [v128:xmm0]
;;             0045  pmovsxwd xmm0, xmm0
;;   0x4b    i32x4.extend_high_i16x8_s     [v128:xmm0]
;;             004b  pshufd xmm0, xmm0, 0xee
;;             0051  pmovsxwd xmm0, xmm0
;;   0x4e    i32x4.extend_low_i16x8_u      [v128:xmm0]
;;             0057  pmovzxwd xmm0, xmm0
;;   0x51    i32x4.extend_high_i16x8_u     [v128:xmm0]
;;             005d  pshufd xmm0, xmm0, 0xee
;;             0063  pmovzxwd xmm0, xmm0
;;   0x54    i64x2.extend_low_i32x4_s      [v128:xmm0]
;;             0069  pmovsxdq xmm0, xmm0
;;   0x57    i64x2.extend_high_i32x4_s     [v128:xmm0]
;;             006f  pshufd xmm0, xmm0, 0xee
;;             0075  pmovsxdq xmm0, xmm0
;;   0x5a    i64x2.extend_low_i32x4_u      [v128:xmm0]
;;             007b  pmovzxdq xmm0, xmm0
;;   0x5d    i64x2.extend_high_i32x4_u     [v128:xmm0]
;;             0081  pshufd xmm0, xmm0, 0xee
;;             0087  pmovzxdq xmm0, xmm0
;;   0x60    end                           (returned)
;;             008d  mov rsp, rbp
;;             0090  pop rbp
;;             0091  ret
;;           out-of-line stubs
;;             0092  ud2  ; trap: call stack exhausted
;;
;; func 2 $extadd_pairwise (param v128) (result v128): 126 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x7c
;;   0x63    local.get 0                   [v128:local 0]
;;   0x65    i16x8.extadd_pairwise_i8x16_s [v128:xmm0]
;;             001b  movdqu xmm0, [rbp+0x10]
;;             0021  pcmpeqb xmm15, xmm15
;;             0026  pabsb xmm15, xmm15
;;             002c  vpmaddubsw xmm0, xmm15, xmm0
;;   0x67    i16x8.extadd_pairwise_i8x16_u [v128:xmm0]
;;             0031  pcmpeqb xmm15, xmm15
;;             0036  pabsb xmm15, xmm15
;;             003c  vpmaddubsw xmm0, xmm0, xmm15
;;   0x69    i32x4.extadd_pairwise_i16x8_s [v128:xmm0]
;;             0041  pcmpeqw xmm15, xmm15
;;             0046  psrlw xmm15, 0xf
;;             004c  vpmaddwd xmm0, xmm0, xmm15
;;   0x6b    i32x4.extadd_pairwise_i16x8_u [v128:xmm0]
;;             0051  pcmpeqw xmm15, xmm15
;;             0056  psllw xmm15, 0xf
;;             005c  vpxor xmm0, xmm0, xmm15
;;             0061  psrlw xmm15, 0xf
;;             0067  pmaddwd xmm0, xmm15
;;             006c  pslld xmm15, 0x10
;;             0072  paddd xmm0, xmm15
;;   0x6d    end                           (returned)
;;             0077  mov rsp, rbp
;;             007a  pop rbp
;;             007b  ret
;;           out-of-line stubs
;;             007c  ud2  ; trap: call stack exhausted
;;
;; func 3 $extmul (param v128 v128) (result v128): 354 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x160
;;   0x70    local.get 0                   [v128:local 0]
;;   0x72    local.get 1                   [v128:local 0, v128:local 1]
;;   0x74    i16x8.extmul_low_i8x16_s      [v128:xmm1]
;;             001b  movdqu xmm0, [rbp+0x20]
;;             0021  movdqu xmm1, [rbp+0x10]
;;             0027  pmovsxbw xmm14, xmm0
;;             002d  pmovsxbw xmm1, xmm1
;;             0033  pmullw xmm1, xmm14
;;   0x77    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x79    i16x8.extmul_high_i8x16_s     [v128:xmm1]
;;             0038  movdqu xmm0, [rbp+0x20]
;;             003e  pshufd xmm14, xmm0, 0xee
;;             0044  pshufd xmm1, xmm1, 0xee
;;             004a  pmovsxbw xmm14, xmm14
;;             0050  pmovsxbw xmm1, xmm1
;;             0056  pmullw xmm1, xmm14
;;   0x7c    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x7e    i16x8.extmul_low_i8x16_u      [v128:xmm1]
;;             005b  movdqu xmm0, [rbp+0x20]
;;             0061  pmovzxbw xmm14, xmm0
;;             0067  pmovzxbw xmm1, xmm1
;;             006d  pmullw xmm1, xmm14
;;   0x81    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x83    i16x8.extmul_high_i8x16_u     [v128:xmm1]
;;             0072  movdqu xmm0, [rbp+0x20]
;;             0078  pshufd xmm14, xmm0, 0xee
;;             007e  pshufd xmm1, xmm1, 0xee
;;             0084  pmovzxbw xmm14, xmm14
;;             008a  pmovzxbw xmm1, xmm1
;;             0090  pmullw xmm1, xmm14
;;   0x86    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x88    i32x4.extmul_low_i16x8_s      [v128:xmm1]
;;             0095  movdqu xmm0, [rbp+0x20]
;;             009b  movaps xmm14, xmm1
;;             009f  pmulhw xmm14, xmm0
;;             00a4  pmullw xmm1, xmm0
;;             00a9  punpcklwd xmm1, xmm14
;;   0x8b    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x8d    i32x4.extmul_high_i16x8_s     [v128:xmm1]
;;             00ae  movdqu xmm0, [rbp+0x20]
;;             00b4  movaps xmm14, xmm1
;;             00b8  pmulhw xmm14, xmm0
;;             00bd  pmullw xmm1, xmm0
;;             00c2  punpckhwd xmm1, xmm14
;;   0x90    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x92    i32x4.extmul_low_i16x8_u      [v128:xmm1]
;;             00c7  movdqu xmm0, [rbp+0x20]
;;             00cd  movaps xmm14, xmm1
;;             00d1  pmulhuw xmm14, xmm0
;;             00d6  pmullw xmm1, xmm0
;;             00db  punpcklwd xmm1, xmm14
;;   0x95    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x97    i32x4.extmul_high_i16x8_u     [v128:xmm1]
;;             00e0  movdqu xmm0, [rbp+0x20]
;;             00e6  movaps xmm14, xmm1
;;             00ea  pmulhuw xmm14, xmm0
;;             00ef  pmullw xmm1, xmm0
;;             00f4  punpckhwd xmm1, xmm14
;;   0x9a    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x9c    i64x2.extmul_low_i32x4_s      [v128:xmm1]
;;             00f9  movdqu xmm0, [rbp+0x20]
;;             00ff  pshufd xmm14, xmm0, 0x50
;;             0105  pshufd xmm1, xmm1, 0x50
;;             010b  pmuldq xmm1, xmm14
;;   0x9f    local.get 1                   [v128:xmm1, v128:local 1]
;;   0xa1    i64x2.extmul_high_i32x4_s     [v128:xmm1]
;;             0111  movdqu xmm0, [rbp+0x20]
;;             0117  pshufd xmm14, xmm0, 0xfa
;;             011d  pshufd xmm1, xmm1, 0xfa
;;             0123  pmuldq xmm1, xmm14
;;   0xa4    local.get 1                   [v128:xmm1, v128:local 1]
;;   0xa6    i64x2.extmul_low_i32x4_u      [v128:xmm1]
;;             0129  movdqu xmm0, [rbp+0x20]
;;             012f  pshufd xmm14, xmm0, 0x50
;;             0135  pshufd xmm1, xmm1, 0x50
;;             013b  pmuludq xmm1, xmm14
;;   0xa9    local.get 1                   [v128:xmm1, v128:local 1]
;;   0xab    i64x2.extmul_high_i32x4_u     [v128:xmm1]
;;             0140  movdqu xmm0, [rbp+0x20]
;;             0146  pshufd xmm14, xmm0, 0xfa
;;             014c  pshufd xmm1, xmm1, 0xfa
;;             0152  pmuludq xmm1, xmm14
;;   0xae    end                           (returned)
;;             0157  movaps xmm0, xmm1
;;             015b  mov rsp, rbp
;;             015e  pop rbp
;;             015f  ret
;;           out-of-line stubs
;;             0160  ud2  ; trap: call stack exhausted

;; ==== expected x86_64:min ====
;; func 0 $narrow (param v128 v128) (result v128): 89 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x57
;;   0x23    local.get 0                   [v128:local 0]
;;   0x25    local.get 1                   [v128:local 0, v128:local 1]
;;   0x27    i8x16.narrow_i16x8_s          [v128:xmm1]
;;             001b  movdqu xmm0, [rbp+0x20]
;;             0021  movdqu xmm1, [rbp+0x10]
;;             0027  packsswb xmm1, xmm0
;;   0x29    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x2b    i8x16.narrow_i16x8_u          [v128:xmm1]
;;             002c  movdqu xmm0, [rbp+0x20]
;;             0032  packuswb xmm1, xmm0
;;   0x2d    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x2f    i16x8.narrow_i32x4_s          [v128:xmm1]
;;             0037  movdqu xmm0, [rbp+0x20]
;;             003d  packssdw xmm1, xmm0
;;   0x32    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x34    i16x8.narrow_i32x4_u          [v128:xmm1]
;;             0042  movdqu xmm0, [rbp+0x20]
;;             0048  packusdw xmm1, xmm0
;;   0x37    end                           (returned)
;;             004e  movaps xmm0, xmm1
;;             0052  mov rsp, rbp
;;             0055  pop rbp
;;             0056  ret
;;           out-of-line stubs
;;             0057  ud2  ; trap: call stack exhausted
;;
;; func 1 $extend (param v128) (result v128): 148 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x92
;;   0x3a    local.get 0                   [v128:local 0]
;;   0x3c    i16x8.extend_low_i8x16_s      [v128:xmm0]
;;             001b  movdqu xmm0, [rbp+0x10]
;;             0021  pmovsxbw xmm0, xmm0
;;   0x3f    i16x8.extend_high_i8x16_s     [v128:xmm0]
;;             0027  pshufd xmm0, xmm0, 0xee
;;             002d  pmovsxbw xmm0, xmm0
;;   0x42    i16x8.extend_low_i8x16_u      [v128:xmm0]
;;             0033  pmovzxbw xmm0, xmm0
;;   0x45    i16x8.extend_high_i8x16_u     [v128:xmm0]
;;             0039  pshufd xmm0, xmm0, 0xee
;;             003f  pmovzxbw xmm0, xmm0
;;   0x48    i32x4.extend_low_i16x8_s      [v128:xmm0]
;;             0045  pmovsxwd xmm0, xmm0
;;   0x4b    i32x4.extend_high_i16x8_s     [v128:xmm0]
;;             004b  pshufd xmm0, xmm0, 0xee
;;             0051  pmovsxwd xmm0, xmm0
;;   0x4e    i32x4.extend_low_i16x8_u      [v128:xmm0]
;;             0057  pmovzxwd xmm0, xmm0
;;   0x51    i32x4.extend_high_i16x8_u     [v128:xmm0]
;;             005d  pshufd xmm0, xmm0, 0xee
;;             0063  pmovzxwd xmm0, xmm0
;;   0x54    i64x2.extend_low_i32x4_s      [v128:xmm0]
;;             0069  pmovsxdq xmm0, xmm0
;;   0x57    i64x2.extend_high_i32x4_s     [v128:xmm0]
;;             006f  pshufd xmm0, xmm0, 0xee
;;             0075  pmovsxdq xmm0, xmm0
;;   0x5a    i64x2.extend_low_i32x4_u      [v128:xmm0]
;;             007b  pmovzxdq xmm0, xmm0
;;   0x5d    i64x2.extend_high_i32x4_u     [v128:xmm0]
;;             0081  pshufd xmm0, xmm0, 0xee
;;             0087  pmovzxdq xmm0, xmm0
;;   0x60    end                           (returned)
;;             008d  mov rsp, rbp
;;             0090  pop rbp
;;             0091  ret
;;           out-of-line stubs
;;             0092  ud2  ; trap: call stack exhausted
;;
;; func 2 $extadd_pairwise (param v128) (result v128): 132 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x82
;;   0x63    local.get 0                   [v128:local 0]
;;   0x65    i16x8.extadd_pairwise_i8x16_s [v128:xmm0]
;;             001b  movdqu xmm0, [rbp+0x10]
;;             0021  pcmpeqb xmm15, xmm15
;;             0026  pabsb xmm15, xmm15
;;             002c  pmaddubsw xmm15, xmm0
;;             0032  movaps xmm0, xmm15
;;   0x67    i16x8.extadd_pairwise_i8x16_u [v128:xmm0]
;;             0036  pcmpeqb xmm15, xmm15
;;             003b  pabsb xmm15, xmm15
;;             0041  pmaddubsw xmm0, xmm15
;;   0x69    i32x4.extadd_pairwise_i16x8_s [v128:xmm0]
;;             0047  pcmpeqw xmm15, xmm15
;;             004c  psrlw xmm15, 0xf
;;             0052  pmaddwd xmm0, xmm15
;;   0x6b    i32x4.extadd_pairwise_i16x8_u [v128:xmm0]
;;             0057  pcmpeqw xmm15, xmm15
;;             005c  psllw xmm15, 0xf
;;             0062  pxor xmm0, xmm15
;;             0067  psrlw xmm15, 0xf
;;             006d  pmaddwd xmm0, xmm15
;;             0072  pslld xmm15, 0x10
;;             0078  paddd xmm0, xmm15
;;   0x6d    end                           (returned)
;;             007d  mov rsp, rbp
;;             0080  pop rbp
;;             0081  ret
;;           out-of-line stubs
;;             0082  ud2  ; trap: call stack exhausted
;;
;; func 3 $extmul (param v128 v128) (result v128): 354 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x160
;;   0x70    local.get 0                   [v128:local 0]
;;   0x72    local.get 1                   [v128:local 0, v128:local 1]
;;   0x74    i16x8.extmul_low_i8x16_s      [v128:xmm1]
;;             001b  movdqu xmm0, [rbp+0x20]
;;             0021  movdqu xmm1, [rbp+0x10]
;;             0027  pmovsxbw xmm14, xmm0
;;             002d  pmovsxbw xmm1, xmm1
;;             0033  pmullw xmm1, xmm14
;;   0x77    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x79    i16x8.extmul_high_i8x16_s     [v128:xmm1]
;;             0038  movdqu xmm0, [rbp+0x20]
;;             003e  pshufd xmm14, xmm0, 0xee
;;             0044  pshufd xmm1, xmm1, 0xee
;;             004a  pmovsxbw xmm14, xmm14
;;             0050  pmovsxbw xmm1, xmm1
;;             0056  pmullw xmm1, xmm14
;;   0x7c    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x7e    i16x8.extmul_low_i8x16_u      [v128:xmm1]
;;             005b  movdqu xmm0, [rbp+0x20]
;;             0061  pmovzxbw xmm14, xmm0
;;             0067  pmovzxbw xmm1, xmm1
;;             006d  pmullw xmm1, xmm14
;;   0x81    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x83    i16x8.extmul_high_i8x16_u     [v128:xmm1]
;;             0072  movdqu xmm0, [rbp+0x20]
;;             0078  pshufd xmm14, xmm0, 0xee
;;             007e  pshufd xmm1, xmm1, 0xee
;;             0084  pmovzxbw xmm14, xmm14
;;             008a  pmovzxbw xmm1, xmm1
;;             0090  pmullw xmm1, xmm14
;;   0x86    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x88    i32x4.extmul_low_i16x8_s      [v128:xmm1]
;;             0095  movdqu xmm0, [rbp+0x20]
;;             009b  movaps xmm14, xmm1
;;             009f  pmulhw xmm14, xmm0
;;             00a4  pmullw xmm1, xmm0
;;             00a9  punpcklwd xmm1, xmm14
;;   0x8b    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x8d    i32x4.extmul_high_i16x8_s     [v128:xmm1]
;;             00ae  movdqu xmm0, [rbp+0x20]
;;             00b4  movaps xmm14, xmm1
;;             00b8  pmulhw xmm14, xmm0
;;             00bd  pmullw xmm1, xmm0
;;             00c2  punpckhwd xmm1, xmm14
;;   0x90    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x92    i32x4.extmul_low_i16x8_u      [v128:xmm1]
;;             00c7  movdqu xmm0, [rbp+0x20]
;;             00cd  movaps xmm14, xmm1
;;             00d1  pmulhuw xmm14, xmm0
;;             00d6  pmullw xmm1, xmm0
;;             00db  punpcklwd xmm1, xmm14
;;   0x95    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x97    i32x4.extmul_high_i16x8_u     [v128:xmm1]
;;             00e0  movdqu xmm0, [rbp+0x20]
;;             00e6  movaps xmm14, xmm1
;;             00ea  pmulhuw xmm14, xmm0
;;             00ef  pmullw xmm1, xmm0
;;             00f4  punpckhwd xmm1, xmm14
;;   0x9a    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x9c    i64x2.extmul_low_i32x4_s      [v128:xmm1]
;;             00f9  movdqu xmm0, [rbp+0x20]
;;             00ff  pshufd xmm14, xmm0, 0x50
;;             0105  pshufd xmm1, xmm1, 0x50
;;             010b  pmuldq xmm1, xmm14
;;   0x9f    local.get 1                   [v128:xmm1, v128:local 1]
;;   0xa1    i64x2.extmul_high_i32x4_s     [v128:xmm1]
;;             0111  movdqu xmm0, [rbp+0x20]
;;             0117  pshufd xmm14, xmm0, 0xfa
;;             011d  pshufd xmm1, xmm1, 0xfa
;;             0123  pmuldq xmm1, xmm14
;;   0xa4    local.get 1                   [v128:xmm1, v128:local 1]
;;   0xa6    i64x2.extmul_low_i32x4_u      [v128:xmm1]
;;             0129  movdqu xmm0, [rbp+0x20]
;;             012f  pshufd xmm14, xmm0, 0x50
;;             0135  pshufd xmm1, xmm1, 0x50
;;             013b  pmuludq xmm1, xmm14
;;   0xa9    local.get 1                   [v128:xmm1, v128:local 1]
;;   0xab    i64x2.extmul_high_i32x4_u     [v128:xmm1]
;;             0140  movdqu xmm0, [rbp+0x20]
;;             0146  pshufd xmm14, xmm0, 0xfa
;;             014c  pshufd xmm1, xmm1, 0xfa
;;             0152  pmuludq xmm1, xmm14
;;   0xae    end                           (returned)
;;             0157  movaps xmm0, xmm1
;;             015b  mov rsp, rbp
;;             015e  pop rbp
;;             015f  ret
;;           out-of-line stubs
;;             0160  ud2  ; trap: call stack exhausted

;; ==== expected aarch64 ====
;; func 0 $narrow (param v128 v128) (result v128): 112 bytes of aarch64
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
;;   0x23    local.get 0                   [v128:local 0]
;;   0x25    local.get 1                   [v128:local 0, v128:local 1]
;;   0x27    i8x16.narrow_i16x8_s          [v128:q1]
;;             0028  ldr q0, [x29, #0x20]
;;             002c  ldr q1, [x29, #0x10]
;;             0030  sqxtn v1.8b, v1.8h
;;             0034  sqxtn2 v1.16b, v0.8h
;;   0x29    local.get 1                   [v128:q1, v128:local 1]
;;   0x2b    i8x16.narrow_i16x8_u          [v128:q1]
;;             0038  ldr q0, [x29, #0x20]
;;             003c  sqxtun v1.8b, v1.8h
;;             0040  sqxtun2 v1.16b, v0.8h
;;   0x2d    local.get 1                   [v128:q1, v128:local 1]
;;   0x2f    i16x8.narrow_i32x4_s          [v128:q1]
;;             0044  ldr q0, [x29, #0x20]
;;             0048  sqxtn v1.4h, v1.4s
;;             004c  sqxtn2 v1.8h, v0.4s
;;   0x32    local.get 1                   [v128:q1, v128:local 1]
;;   0x34    i16x8.narrow_i32x4_u          [v128:q1]
;;             0050  ldr q0, [x29, #0x20]
;;             0054  sqxtun v1.4h, v1.4s
;;             0058  sqxtun2 v1.8h, v0.4s
;;   0x37    end                           (returned)
;;             005c  mov v0.16b, v1.16b
;;             0060  mov sp, x29
;;             0064  ldp x29, x30, [sp], #0x10
;;             0068  ret
;;           out-of-line stubs
;;             006c  udf #0x0  ; trap: call stack exhausted
;;
;; func 1 $extend (param v128) (result v128): 108 bytes of aarch64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  stp x29, x30, [sp, #-0x10]!
;;             0004  mov x29, sp
;;             0008  mov x16, #0x20
;;             000c  movk x16, #0x0, lsl #16
;;             0010  sub sp, sp, x16
;;             0014  stur x28, [x29, #-0x8]
;;             0018  ldr x16, [x28]
;;             001c  ldr x16, [x16]
;;             0020  cmp sp, x16
;;             0024  b.lo 0x68
;;   0x3a    local.get 0                   [v128:local 0]
;;   0x3c    i16x8.extend_low_i8x16_s      [v128:q0]
;;             0028  ldr q0, [x29, #0x10]
;;             002c  sshll v0.8h, v0.8b, #0x0
;;   0x3f    i16x8.extend_high_i8x16_s     [v128:q0]
;;             0030  sshll2 v0.8h, v0.16b, #0x0
;;   0x42    i16x8.extend_low_i8x16_u      [v128:q0]
;;             0034  ushll v0.8h, v0.8b, #0x0
;;   0x45    i16x8.extend_high_i8x16_u     [v128:q0]
;;             0038  ushll2 v0.8h, v0.16b, #0x0
;;   0x48    i32x4.extend_low_i16x8_s      [v128:q0]
;;             003c  sshll v0.4s, v0.4h, #0x0
;;   0x4b    i32x4.extend_high_i16x8_s     [v128:q0]
;;             0040  sshll2 v0.4s, v0.8h, #0x0
;;   0x4e    i32x4.extend_low_i16x8_u      [v128:q0]
;;             0044  ushll v0.4s, v0.4h, #0x0
;;   0x51    i32x4.extend_high_i16x8_u     [v128:q0]
;;             0048  ushll2 v0.4s, v0.8h, #0x0
;;   0x54    i64x2.extend_low_i32x4_s      [v128:q0]
;;             004c  sshll v0.2d, v0.2s, #0x0
;;   0x57    i64x2.extend_high_i32x4_s     [v128:q0]
;;             0050  sshll2 v0.2d, v0.4s, #0x0
;;   0x5a    i64x2.extend_low_i32x4_u      [v128:q0]
;;             0054  ushll v0.2d, v0.2s, #0x0
;;   0x5d    i64x2.extend_high_i32x4_u     [v128:q0]
;;             0058  ushll2 v0.2d, v0.4s, #0x0
;;   0x60    end                           (returned)
;;             005c  mov sp, x29
;;             0060  ldp x29, x30, [sp], #0x10
;;             0064  ret
;;           out-of-line stubs
;;             0068  udf #0x0  ; trap: call stack exhausted
;;
;; func 2 $extadd_pairwise (param v128) (result v128): 76 bytes of aarch64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  stp x29, x30, [sp, #-0x10]!
;;             0004  mov x29, sp
;;             0008  mov x16, #0x20
;;             000c  movk x16, #0x0, lsl #16
;;             0010  sub sp, sp, x16
;;             0014  stur x28, [x29, #-0x8]
;;             0018  ldr x16, [x28]
;;             001c  ldr x16, [x16]
;;             0020  cmp sp, x16
;;             0024  b.lo 0x48
;;   0x63    local.get 0                   [v128:local 0]
;;   0x65    i16x8.extadd_pairwise_i8x16_s [v128:q0]
;;             0028  ldr q0, [x29, #0x10]
;;             002c  saddlp v0.8h, v0.16b
;;   0x67    i16x8.extadd_pairwise_i8x16_u [v128:q0]
;;             0030  uaddlp v0.8h, v0.16b
;;   0x69    i32x4.extadd_pairwise_i16x8_s [v128:q0]
;;             0034  saddlp v0.4s, v0.8h
;;   0x6b    i32x4.extadd_pairwise_i16x8_u [v128:q0]
;;             0038  uaddlp v0.4s, v0.8h
;;   0x6d    end                           (returned)
;;             003c  mov sp, x29
;;             0040  ldp x29, x30, [sp], #0x10
;;             0044  ret
;;           out-of-line stubs
;;             0048  udf #0x0  ; trap: call stack exhausted
;;
;; func 3 $extmul (param v128 v128) (result v128): 160 bytes of aarch64
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
;;             0024  b.lo 0x9c
;;   0x70    local.get 0                   [v128:local 0]
;;   0x72    local.get 1                   [v128:local 0, v128:local 1]
;;   0x74    i16x8.extmul_low_i8x16_s      [v128:q1]
;;             0028  ldr q0, [x29, #0x20]
;;             002c  ldr q1, [x29, #0x10]
;;             0030  smull v1.8h, v1.8b, v0.8b
;;   0x77    local.get 1                   [v128:q1, v128:local 1]
;;   0x79    i16x8.extmul_high_i8x16_s     [v128:q1]
;;             0034  ldr q0, [x29, #0x20]
;;             0038  smull2 v1.8h, v1.16b, v0.16b
;;   0x7c    local.get 1                   [v128:q1, v128:local 1]
;;   0x7e    i16x8.extmul_low_i8x16_u      [v128:q1]
;;             003c  ldr q0, [x29, #0x20]
;;             0040  umull v1.8h, v1.8b, v0.8b
;;   0x81    local.get 1                   [v128:q1, v128:local 1]
;;   0x83    i16x8.extmul_high_i8x16_u     [v128:q1]
;;             0044  ldr q0, [x29, #0x20]
;;             0048  umull2 v1.8h, v1.16b, v0.16b
;;   0x86    local.get 1                   [v128:q1, v128:local 1]
;;   0x88    i32x4.extmul_low_i16x8_s      [v128:q1]
;;             004c  ldr q0, [x29, #0x20]
;;             0050  smull v1.4s, v1.4h, v0.4h
;;   0x8b    local.get 1                   [v128:q1, v128:local 1]
;;   0x8d    i32x4.extmul_high_i16x8_s     [v128:q1]
;;             0054  ldr q0, [x29, #0x20]
;;             0058  smull2 v1.4s, v1.8h, v0.8h
;;   0x90    local.get 1                   [v128:q1, v128:local 1]
;;   0x92    i32x4.extmul_low_i16x8_u      [v128:q1]
;;             005c  ldr q0, [x29, #0x20]
;;             0060  umull v1.4s, v1.4h, v0.4h
;;   0x95    local.get 1                   [v128:q1, v128:local 1]
;;   0x97    i32x4.extmul_high_i16x8_u     [v128:q1]
;;             0064  ldr q0, [x29, #0x20]
;;             0068  umull2 v1.4s, v1.8h, v0.8h
;;   0x9a    local.get 1                   [v128:q1, v128:local 1]
;;   0x9c    i64x2.extmul_low_i32x4_s      [v128:q1]
;;             006c  ldr q0, [x29, #0x20]
;;             0070  smull v1.2d, v1.2s, v0.2s
;;   0x9f    local.get 1                   [v128:q1, v128:local 1]
;;   0xa1    i64x2.extmul_high_i32x4_s     [v128:q1]
;;             0074  ldr q0, [x29, #0x20]
;;             0078  smull2 v1.2d, v1.4s, v0.4s
;;   0xa4    local.get 1                   [v128:q1, v128:local 1]
;;   0xa6    i64x2.extmul_low_i32x4_u      [v128:q1]
;;             007c  ldr q0, [x29, #0x20]
;;             0080  umull v1.2d, v1.2s, v0.2s
;;   0xa9    local.get 1                   [v128:q1, v128:local 1]
;;   0xab    i64x2.extmul_high_i32x4_u     [v128:q1]
;;             0084  ldr q0, [x29, #0x20]
;;             0088  umull2 v1.2d, v1.4s, v0.4s
;;   0xae    end                           (returned)
;;             008c  mov v0.16b, v1.16b
;;             0090  mov sp, x29
;;             0094  ldp x29, x30, [sp], #0x10
;;             0098  ret
;;           out-of-line stubs
;;             009c  udf #0x0  ; trap: call stack exhausted
