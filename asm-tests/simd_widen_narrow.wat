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
;; func 0 $narrow (param v128 v128) (result v128): 83 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x51
;;   0x23    local.get 0                   [v128:local 0]
;;   0x25    local.get 1                   [v128:local 0, v128:local 1]
;;   0x27    i8x16.narrow_i16x8_s          [v128:xmm1]
;;             001b  movdqu xmm0, [rbp+0x20]
;;             0020  movdqu xmm1, [rbp+0x10]
;;             0025  vpacksswb xmm1, xmm1, xmm0
;;   0x29    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x2b    i8x16.narrow_i16x8_u          [v128:xmm1]
;;             002a  movdqu xmm0, [rbp+0x20]
;;             002f  vpackuswb xmm1, xmm1, xmm0
;;   0x2d    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x2f    i16x8.narrow_i32x4_s          [v128:xmm1]
;;             0034  movdqu xmm0, [rbp+0x20]
;;             0039  vpackssdw xmm1, xmm1, xmm0
;;   0x32    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x34    i16x8.narrow_i32x4_u          [v128:xmm1]
;;             003e  movdqu xmm0, [rbp+0x20]
;;             0043  vpackusdw xmm1, xmm1, xmm0
;;   0x37    end                           (returned)
;;             0048  movaps xmm0, xmm1
;;             004c  mov rsp, rbp
;;             004f  pop rbp
;;             0050  ret
;;           out-of-line stubs
;;             0051  ud2  ; trap: call stack exhausted
;;
;; func 1 $extend (param v128) (result v128): 147 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x91
;;   0x3a    local.get 0                   [v128:local 0]
;;   0x3c    i16x8.extend_low_i8x16_s      [v128:xmm0]
;;             001b  movdqu xmm0, [rbp+0x10]
;;             0020  pmovsxbw xmm0, xmm0
;;   0x3f    i16x8.extend_high_i8x16_s     [v128:xmm0]
;;             0026  pshufd xmm0, xmm0, 0xee
;;             002c  pmovsxbw xmm0, xmm0
;;   0x42    i16x8.extend_low_i8x16_u      [v128:xmm0]
;;             0032  pmovzxbw xmm0, xmm0
;;   0x45    i16x8.extend_high_i8x16_u     [v128:xmm0]
;;             0038  pshufd xmm0, xmm0, 0xee
;;             003e  pmovzxbw xmm0, xmm0
;;   0x48    i32x4.extend_low_i16x8_s      [v128:xmm0]
;;             0044  pmovsxwd xmm0, xmm0
;;   0x4b    i32x4.extend_high_i16x8_s     [v128:xmm0]
;;             004a  pshufd xmm0, xmm0, 0xee
;;             0050  pmovsxwd xmm0, xmm0
;;   0x4e    i32x4.extend_low_i16x8_u      [v128:xmm0]
;;             0056  pmovzxwd xmm0, xmm0
;;   0x51    i32x4.extend_high_i16x8_u     [v128:xmm0]
;;             005c  pshufd xmm0, xmm0, 0xee
;;             0062  pmovzxwd xmm0, xmm0
;;   0x54    i64x2.extend_low_i32x4_s      [v128:xmm0]
;;             0068  pmovsxdq xmm0, xmm0
;;   0x57    i64x2.extend_high_i32x4_s     [v128:xmm0]
;;             006e  pshufd xmm0, xmm0, 0xee
;;             0074  pmovsxdq xmm0, xmm0
;;   0x5a    i64x2.extend_low_i32x4_u      [v128:xmm0]
;;             007a  pmovzxdq xmm0, xmm0
;;   0x5d    i64x2.extend_high_i32x4_u     [v128:xmm0]
;;             0080  pshufd xmm0, xmm0, 0xee
;;             0086  pmovzxdq xmm0, xmm0
;;   0x60    end                           (returned)
;;             008c  mov rsp, rbp
;;             008f  pop rbp
;;             0090  ret
;;           out-of-line stubs
;;             0091  ud2  ; trap: call stack exhausted
;;
;; func 2 $extadd_pairwise (param v128) (result v128): 125 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x7b
;;   0x63    local.get 0                   [v128:local 0]
;;   0x65    i16x8.extadd_pairwise_i8x16_s [v128:xmm0]
;;             001b  movdqu xmm0, [rbp+0x10]
;;             0020  pcmpeqb xmm15, xmm15
;;             0025  pabsb xmm15, xmm15
;;             002b  vpmaddubsw xmm0, xmm15, xmm0
;;   0x67    i16x8.extadd_pairwise_i8x16_u [v128:xmm0]
;;             0030  pcmpeqb xmm15, xmm15
;;             0035  pabsb xmm15, xmm15
;;             003b  vpmaddubsw xmm0, xmm0, xmm15
;;   0x69    i32x4.extadd_pairwise_i16x8_s [v128:xmm0]
;;             0040  pcmpeqw xmm15, xmm15
;;             0045  psrlw xmm15, 0xf
;;             004b  vpmaddwd xmm0, xmm0, xmm15
;;   0x6b    i32x4.extadd_pairwise_i16x8_u [v128:xmm0]
;;             0050  pcmpeqw xmm15, xmm15
;;             0055  psllw xmm15, 0xf
;;             005b  vpxor xmm0, xmm0, xmm15
;;             0060  psrlw xmm15, 0xf
;;             0066  pmaddwd xmm0, xmm15
;;             006b  pslld xmm15, 0x10
;;             0071  paddd xmm0, xmm15
;;   0x6d    end                           (returned)
;;             0076  mov rsp, rbp
;;             0079  pop rbp
;;             007a  ret
;;           out-of-line stubs
;;             007b  ud2  ; trap: call stack exhausted
;;
;; func 3 $extmul (param v128 v128) (result v128): 341 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x153
;;   0x70    local.get 0                   [v128:local 0]
;;   0x72    local.get 1                   [v128:local 0, v128:local 1]
;;   0x74    i16x8.extmul_low_i8x16_s      [v128:xmm1]
;;             001b  movdqu xmm0, [rbp+0x20]
;;             0020  movdqu xmm1, [rbp+0x10]
;;             0025  pmovsxbw xmm14, xmm0
;;             002b  pmovsxbw xmm1, xmm1
;;             0031  pmullw xmm1, xmm14
;;   0x77    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x79    i16x8.extmul_high_i8x16_s     [v128:xmm1]
;;             0036  movdqu xmm0, [rbp+0x20]
;;             003b  pshufd xmm14, xmm0, 0xee
;;             0041  pshufd xmm1, xmm1, 0xee
;;             0047  pmovsxbw xmm14, xmm14
;;             004d  pmovsxbw xmm1, xmm1
;;             0053  pmullw xmm1, xmm14
;;   0x7c    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x7e    i16x8.extmul_low_i8x16_u      [v128:xmm1]
;;             0058  movdqu xmm0, [rbp+0x20]
;;             005d  pmovzxbw xmm14, xmm0
;;             0063  pmovzxbw xmm1, xmm1
;;             0069  pmullw xmm1, xmm14
;;   0x81    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x83    i16x8.extmul_high_i8x16_u     [v128:xmm1]
;;             006e  movdqu xmm0, [rbp+0x20]
;;             0073  pshufd xmm14, xmm0, 0xee
;;             0079  pshufd xmm1, xmm1, 0xee
;;             007f  pmovzxbw xmm14, xmm14
;;             0085  pmovzxbw xmm1, xmm1
;;             008b  pmullw xmm1, xmm14
;;   0x86    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x88    i32x4.extmul_low_i16x8_s      [v128:xmm1]
;;             0090  movdqu xmm0, [rbp+0x20]
;;             0095  movaps xmm14, xmm1
;;             0099  pmulhw xmm14, xmm0
;;             009e  pmullw xmm1, xmm0
;;             00a3  punpcklwd xmm1, xmm14
;;   0x8b    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x8d    i32x4.extmul_high_i16x8_s     [v128:xmm1]
;;             00a8  movdqu xmm0, [rbp+0x20]
;;             00ad  movaps xmm14, xmm1
;;             00b1  pmulhw xmm14, xmm0
;;             00b6  pmullw xmm1, xmm0
;;             00bb  punpckhwd xmm1, xmm14
;;   0x90    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x92    i32x4.extmul_low_i16x8_u      [v128:xmm1]
;;             00c0  movdqu xmm0, [rbp+0x20]
;;             00c5  movaps xmm14, xmm1
;;             00c9  pmulhuw xmm14, xmm0
;;             00ce  pmullw xmm1, xmm0
;;             00d3  punpcklwd xmm1, xmm14
;;   0x95    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x97    i32x4.extmul_high_i16x8_u     [v128:xmm1]
;;             00d8  movdqu xmm0, [rbp+0x20]
;;             00dd  movaps xmm14, xmm1
;;             00e1  pmulhuw xmm14, xmm0
;;             00e6  pmullw xmm1, xmm0
;;             00eb  punpckhwd xmm1, xmm14
;;   0x9a    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x9c    i64x2.extmul_low_i32x4_s      [v128:xmm1]
;;             00f0  movdqu xmm0, [rbp+0x20]
;;             00f5  pshufd xmm14, xmm0, 0x50
;;             00fb  pshufd xmm1, xmm1, 0x50
;;             0101  pmuldq xmm1, xmm14
;;   0x9f    local.get 1                   [v128:xmm1, v128:local 1]
;;   0xa1    i64x2.extmul_high_i32x4_s     [v128:xmm1]
;;             0107  movdqu xmm0, [rbp+0x20]
;;             010c  pshufd xmm14, xmm0, 0xfa
;;             0112  pshufd xmm1, xmm1, 0xfa
;;             0118  pmuldq xmm1, xmm14
;;   0xa4    local.get 1                   [v128:xmm1, v128:local 1]
;;   0xa6    i64x2.extmul_low_i32x4_u      [v128:xmm1]
;;             011e  movdqu xmm0, [rbp+0x20]
;;             0123  pshufd xmm14, xmm0, 0x50
;;             0129  pshufd xmm1, xmm1, 0x50
;;             012f  pmuludq xmm1, xmm14
;;   0xa9    local.get 1                   [v128:xmm1, v128:local 1]
;;   0xab    i64x2.extmul_high_i32x4_u     [v128:xmm1]
;;             0134  movdqu xmm0, [rbp+0x20]
;;             0139  pshufd xmm14, xmm0, 0xfa
;;             013f  pshufd xmm1, xmm1, 0xfa
;;             0145  pmuludq xmm1, xmm14
;;   0xae    end                           (returned)
;;             014a  movaps xmm0, xmm1
;;             014e  mov rsp, rbp
;;             0151  pop rbp
;;             0152  ret
;;           out-of-line stubs
;;             0153  ud2  ; trap: call stack exhausted

;; ==== expected x86_64:min ====
;; func 0 $narrow (param v128 v128) (result v128): 84 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x52
;;   0x23    local.get 0                   [v128:local 0]
;;   0x25    local.get 1                   [v128:local 0, v128:local 1]
;;   0x27    i8x16.narrow_i16x8_s          [v128:xmm1]
;;             001b  movdqu xmm0, [rbp+0x20]
;;             0020  movdqu xmm1, [rbp+0x10]
;;             0025  packsswb xmm1, xmm0
;;   0x29    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x2b    i8x16.narrow_i16x8_u          [v128:xmm1]
;;             002a  movdqu xmm0, [rbp+0x20]
;;             002f  packuswb xmm1, xmm0
;;   0x2d    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x2f    i16x8.narrow_i32x4_s          [v128:xmm1]
;;             0034  movdqu xmm0, [rbp+0x20]
;;             0039  packssdw xmm1, xmm0
;;   0x32    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x34    i16x8.narrow_i32x4_u          [v128:xmm1]
;;             003e  movdqu xmm0, [rbp+0x20]
;;             0043  packusdw xmm1, xmm0
;;   0x37    end                           (returned)
;;             0049  movaps xmm0, xmm1
;;             004d  mov rsp, rbp
;;             0050  pop rbp
;;             0051  ret
;;           out-of-line stubs
;;             0052  ud2  ; trap: call stack exhausted
;;
;; func 1 $extend (param v128) (result v128): 147 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x91
;;   0x3a    local.get 0                   [v128:local 0]
;;   0x3c    i16x8.extend_low_i8x16_s      [v128:xmm0]
;;             001b  movdqu xmm0, [rbp+0x10]
;;             0020  pmovsxbw xmm0, xmm0
;;   0x3f    i16x8.extend_high_i8x16_s     [v128:xmm0]
;;             0026  pshufd xmm0, xmm0, 0xee
;;             002c  pmovsxbw xmm0, xmm0
;;   0x42    i16x8.extend_low_i8x16_u      [v128:xmm0]
;;             0032  pmovzxbw xmm0, xmm0
;;   0x45    i16x8.extend_high_i8x16_u     [v128:xmm0]
;;             0038  pshufd xmm0, xmm0, 0xee
;;             003e  pmovzxbw xmm0, xmm0
;;   0x48    i32x4.extend_low_i16x8_s      [v128:xmm0]
;;             0044  pmovsxwd xmm0, xmm0
;;   0x4b    i32x4.extend_high_i16x8_s     [v128:xmm0]
;;             004a  pshufd xmm0, xmm0, 0xee
;;             0050  pmovsxwd xmm0, xmm0
;;   0x4e    i32x4.extend_low_i16x8_u      [v128:xmm0]
;;             0056  pmovzxwd xmm0, xmm0
;;   0x51    i32x4.extend_high_i16x8_u     [v128:xmm0]
;;             005c  pshufd xmm0, xmm0, 0xee
;;             0062  pmovzxwd xmm0, xmm0
;;   0x54    i64x2.extend_low_i32x4_s      [v128:xmm0]
;;             0068  pmovsxdq xmm0, xmm0
;;   0x57    i64x2.extend_high_i32x4_s     [v128:xmm0]
;;             006e  pshufd xmm0, xmm0, 0xee
;;             0074  pmovsxdq xmm0, xmm0
;;   0x5a    i64x2.extend_low_i32x4_u      [v128:xmm0]
;;             007a  pmovzxdq xmm0, xmm0
;;   0x5d    i64x2.extend_high_i32x4_u     [v128:xmm0]
;;             0080  pshufd xmm0, xmm0, 0xee
;;             0086  pmovzxdq xmm0, xmm0
;;   0x60    end                           (returned)
;;             008c  mov rsp, rbp
;;             008f  pop rbp
;;             0090  ret
;;           out-of-line stubs
;;             0091  ud2  ; trap: call stack exhausted
;;
;; func 2 $extadd_pairwise (param v128) (result v128): 131 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x81
;;   0x63    local.get 0                   [v128:local 0]
;;   0x65    i16x8.extadd_pairwise_i8x16_s [v128:xmm0]
;;             001b  movdqu xmm0, [rbp+0x10]
;;             0020  pcmpeqb xmm15, xmm15
;;             0025  pabsb xmm15, xmm15
;;             002b  pmaddubsw xmm15, xmm0
;;             0031  movaps xmm0, xmm15
;;   0x67    i16x8.extadd_pairwise_i8x16_u [v128:xmm0]
;;             0035  pcmpeqb xmm15, xmm15
;;             003a  pabsb xmm15, xmm15
;;             0040  pmaddubsw xmm0, xmm15
;;   0x69    i32x4.extadd_pairwise_i16x8_s [v128:xmm0]
;;             0046  pcmpeqw xmm15, xmm15
;;             004b  psrlw xmm15, 0xf
;;             0051  pmaddwd xmm0, xmm15
;;   0x6b    i32x4.extadd_pairwise_i16x8_u [v128:xmm0]
;;             0056  pcmpeqw xmm15, xmm15
;;             005b  psllw xmm15, 0xf
;;             0061  pxor xmm0, xmm15
;;             0066  psrlw xmm15, 0xf
;;             006c  pmaddwd xmm0, xmm15
;;             0071  pslld xmm15, 0x10
;;             0077  paddd xmm0, xmm15
;;   0x6d    end                           (returned)
;;             007c  mov rsp, rbp
;;             007f  pop rbp
;;             0080  ret
;;           out-of-line stubs
;;             0081  ud2  ; trap: call stack exhausted
;;
;; func 3 $extmul (param v128 v128) (result v128): 341 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x153
;;   0x70    local.get 0                   [v128:local 0]
;;   0x72    local.get 1                   [v128:local 0, v128:local 1]
;;   0x74    i16x8.extmul_low_i8x16_s      [v128:xmm1]
;;             001b  movdqu xmm0, [rbp+0x20]
;;             0020  movdqu xmm1, [rbp+0x10]
;;             0025  pmovsxbw xmm14, xmm0
;;             002b  pmovsxbw xmm1, xmm1
;;             0031  pmullw xmm1, xmm14
;;   0x77    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x79    i16x8.extmul_high_i8x16_s     [v128:xmm1]
;;             0036  movdqu xmm0, [rbp+0x20]
;;             003b  pshufd xmm14, xmm0, 0xee
;;             0041  pshufd xmm1, xmm1, 0xee
;;             0047  pmovsxbw xmm14, xmm14
;;             004d  pmovsxbw xmm1, xmm1
;;             0053  pmullw xmm1, xmm14
;;   0x7c    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x7e    i16x8.extmul_low_i8x16_u      [v128:xmm1]
;;             0058  movdqu xmm0, [rbp+0x20]
;;             005d  pmovzxbw xmm14, xmm0
;;             0063  pmovzxbw xmm1, xmm1
;;             0069  pmullw xmm1, xmm14
;;   0x81    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x83    i16x8.extmul_high_i8x16_u     [v128:xmm1]
;;             006e  movdqu xmm0, [rbp+0x20]
;;             0073  pshufd xmm14, xmm0, 0xee
;;             0079  pshufd xmm1, xmm1, 0xee
;;             007f  pmovzxbw xmm14, xmm14
;;             0085  pmovzxbw xmm1, xmm1
;;             008b  pmullw xmm1, xmm14
;;   0x86    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x88    i32x4.extmul_low_i16x8_s      [v128:xmm1]
;;             0090  movdqu xmm0, [rbp+0x20]
;;             0095  movaps xmm14, xmm1
;;             0099  pmulhw xmm14, xmm0
;;             009e  pmullw xmm1, xmm0
;;             00a3  punpcklwd xmm1, xmm14
;;   0x8b    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x8d    i32x4.extmul_high_i16x8_s     [v128:xmm1]
;;             00a8  movdqu xmm0, [rbp+0x20]
;;             00ad  movaps xmm14, xmm1
;;             00b1  pmulhw xmm14, xmm0
;;             00b6  pmullw xmm1, xmm0
;;             00bb  punpckhwd xmm1, xmm14
;;   0x90    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x92    i32x4.extmul_low_i16x8_u      [v128:xmm1]
;;             00c0  movdqu xmm0, [rbp+0x20]
;;             00c5  movaps xmm14, xmm1
;;             00c9  pmulhuw xmm14, xmm0
;;             00ce  pmullw xmm1, xmm0
;;             00d3  punpcklwd xmm1, xmm14
;;   0x95    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x97    i32x4.extmul_high_i16x8_u     [v128:xmm1]
;;             00d8  movdqu xmm0, [rbp+0x20]
;;             00dd  movaps xmm14, xmm1
;;             00e1  pmulhuw xmm14, xmm0
;;             00e6  pmullw xmm1, xmm0
;;             00eb  punpckhwd xmm1, xmm14
;;   0x9a    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x9c    i64x2.extmul_low_i32x4_s      [v128:xmm1]
;;             00f0  movdqu xmm0, [rbp+0x20]
;;             00f5  pshufd xmm14, xmm0, 0x50
;;             00fb  pshufd xmm1, xmm1, 0x50
;;             0101  pmuldq xmm1, xmm14
;;   0x9f    local.get 1                   [v128:xmm1, v128:local 1]
;;   0xa1    i64x2.extmul_high_i32x4_s     [v128:xmm1]
;;             0107  movdqu xmm0, [rbp+0x20]
;;             010c  pshufd xmm14, xmm0, 0xfa
;;             0112  pshufd xmm1, xmm1, 0xfa
;;             0118  pmuldq xmm1, xmm14
;;   0xa4    local.get 1                   [v128:xmm1, v128:local 1]
;;   0xa6    i64x2.extmul_low_i32x4_u      [v128:xmm1]
;;             011e  movdqu xmm0, [rbp+0x20]
;;             0123  pshufd xmm14, xmm0, 0x50
;;             0129  pshufd xmm1, xmm1, 0x50
;;             012f  pmuludq xmm1, xmm14
;;   0xa9    local.get 1                   [v128:xmm1, v128:local 1]
;;   0xab    i64x2.extmul_high_i32x4_u     [v128:xmm1]
;;             0134  movdqu xmm0, [rbp+0x20]
;;             0139  pshufd xmm14, xmm0, 0xfa
;;             013f  pshufd xmm1, xmm1, 0xfa
;;             0145  pmuludq xmm1, xmm14
;;   0xae    end                           (returned)
;;             014a  movaps xmm0, xmm1
;;             014e  mov rsp, rbp
;;             0151  pop rbp
;;             0152  ret
;;           out-of-line stubs
;;             0153  ud2  ; trap: call stack exhausted

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
