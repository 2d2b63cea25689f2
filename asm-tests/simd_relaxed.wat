;; targets: x86_64 x86_64:min aarch64
;;
;; Relaxed SIMD. Flint lowers every relaxed operator to one deterministic
;; choice, the same on both ISAs (`masm::simd`'s documentation names it
;; for each): swizzle, the truncations, madd/nmadd, laneselect, min/max,
;; the Q15 multiply and the i8 dot products. So x86-64 pays for the
;; exact forms: relaxed min/max and truncation are the full wasm
;; sequences, madd is an unfused multiply and add.

(module
  (func $swizzle (param v128 v128) (result v128)
    (i8x16.relaxed_swizzle (local.get 0) (local.get 1)))
  (func $trunc (param v128) (result v128)
    (i32x4.relaxed_trunc_f32x4_s (local.get 0))
    (i32x4.relaxed_trunc_f32x4_u)
    (i32x4.relaxed_trunc_f64x2_s_zero)
    (i32x4.relaxed_trunc_f64x2_u_zero))
  (func $madd (param v128 v128 v128) (result v128)
    (f32x4.relaxed_madd (local.get 0) (local.get 1) (local.get 2))
    (f32x4.relaxed_nmadd (local.get 1) (local.get 2))
    (f64x2.relaxed_madd (local.get 1) (local.get 2))
    (f64x2.relaxed_nmadd (local.get 1) (local.get 2)))
  (func $laneselect (param v128 v128 v128) (result v128)
    (i8x16.relaxed_laneselect (local.get 0) (local.get 1) (local.get 2))
    (i16x8.relaxed_laneselect (local.get 1) (local.get 2))
    (i32x4.relaxed_laneselect (local.get 1) (local.get 2))
    (i64x2.relaxed_laneselect (local.get 1) (local.get 2)))
  (func $min_max (param v128 v128) (result v128)
    (f32x4.relaxed_min (local.get 0) (local.get 1))
    (f32x4.relaxed_max (local.get 1))
    (f64x2.relaxed_min (local.get 1))
    (f64x2.relaxed_max (local.get 1)))
  (func $int (param v128 v128 v128) (result v128)
    (i16x8.relaxed_q15mulr_s (local.get 0) (local.get 1))
    (i16x8.relaxed_dot_i8x16_i7x16_s (local.get 1))
    (i32x4.relaxed_dot_i8x16_i7x16_add_s (local.get 1) (local.get 2))))

;; ==== expected x86_64 ====
;; func 0 $swizzle (param v128 v128) (result v128): 65 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0016  cmp rsp, [rax]
;;             0019  jb 0x3f
;;   0x2c    local.get 0                   [v128:local 0]
;;   0x2e    local.get 1                   [v128:local 0, v128:local 1]
;;   0x30    i8x16.relaxed_swizzle         [v128:xmm1]
;;             001f  movdqu xmm0, [rbp+0x20]
;;             0028  movdqu xmm1, [rbp+0x10]
;;             0031  vpshufb xmm1, xmm1, xmm0
;;   0x33    end                           (returned)
;;             0036  movaps xmm0, xmm1
;;             003a  mov rsp, rbp
;;             003d  pop rbp
;;             003e  ret
;;           out-of-line stubs
;;             003f  ud2  ; trap: call stack exhausted
;;
;; func 1 $trunc (param v128) (result v128): 196 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0016  cmp rsp, [rax]
;;             0019  jb 0xc2
;;   0x36    local.get 0                   [v128:local 0]
;;   0x38    i32x4.relaxed_trunc_f32x4_s   [v128:xmm0]
;;             001f  movdqu xmm0, [rbp+0x10]
;;             0028  cvttps2dq xmm0, xmm0
;;   0x3b    i32x4.relaxed_trunc_f32x4_u   [v128:xmm0]
;;             002d  xorps xmm15, xmm15
;;             0031  maxps xmm0, xmm15
;;             0035  pcmpeqd xmm15, xmm15
;;             003a  psrld xmm15, 1
;;             0040  cvtdq2ps xmm15, xmm15
;;             0044  movaps xmm14, xmm0
;;             0048  subps xmm14, xmm15
;;             004c  cmpleps xmm15, xmm14
;;             0051  cvttps2dq xmm14, xmm14
;;             0056  pxor xmm14, xmm15
;;             005b  pxor xmm15, xmm15
;;             0060  pmaxsd xmm14, xmm15
;;             0066  cvttps2dq xmm0, xmm0
;;             006b  paddd xmm0, xmm14
;;   0x3e    i32x4.relaxed_trunc_f64x2_s_zero [v128:xmm0]
;;             0070  cvttpd2dq xmm0, xmm0
;;   0x41    i32x4.relaxed_trunc_f64x2_u_zero [v128:xmm0]
;;             0075  xorpd xmm15, xmm15
;;             007a  maxpd xmm0, xmm15
;;             007f  mov rax, 0x41efffffffe00000
;;             0089  movq xmm14, rax
;;             008e  punpcklqdq xmm14, xmm14
;;             0093  minpd xmm0, xmm14
;;             0098  roundpd xmm0, xmm0, 3
;;             009f  mov rax, 0x4330000000000000
;;             00a9  movq xmm14, rax
;;             00ae  punpcklqdq xmm14, xmm14
;;             00b3  addpd xmm0, xmm14
;;             00b8  shufps xmm0, xmm15, 0x88
;;   0x44    end                           (returned)
;;             00bd  mov rsp, rbp
;;             00c0  pop rbp
;;             00c1  ret
;;           out-of-line stubs
;;             00c2  ud2  ; trap: call stack exhausted
;;
;; func 2 $madd (param v128 v128 v128) (result v128): 143 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x40
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0016  cmp rsp, [rax]
;;             0019  jb 0x8d
;;   0x47    local.get 0                   [v128:local 0]
;;   0x49    local.get 1                   [v128:local 0, v128:local 1]
;;   0x4b    local.get 2                   [v128:local 0, v128:local 1, v128:local 2]
;;   0x4d    f32x4.relaxed_madd            [v128:xmm2]
;;             001f  movdqu xmm0, [rbp+0x30]
;;             0028  movdqu xmm1, [rbp+0x20]
;;             0031  movdqu xmm2, [rbp+0x10]
;;             003a  vfmadd213ps xmm2, xmm1, xmm0
;;   0x50    local.get 1                   [v128:xmm2, v128:local 1]
;;   0x52    local.get 2                   [v128:xmm2, v128:local 1, v128:local 2]
;;   0x54    f32x4.relaxed_nmadd           [v128:xmm2]
;;             003f  movdqu xmm0, [rbp+0x30]
;;             0048  movdqu xmm1, [rbp+0x20]
;;             0051  vfnmadd213ps xmm2, xmm1, xmm0
;;   0x57    local.get 1                   [v128:xmm2, v128:local 1]
;;   0x59    local.get 2                   [v128:xmm2, v128:local 1, v128:local 2]
;;   0x5b    f64x2.relaxed_madd            [v128:xmm2]
;;             0056  movdqu xmm0, [rbp+0x30]
;;             005f  movdqu xmm1, [rbp+0x20]
;;             0068  vfmadd213pd xmm2, xmm1, xmm0
;;   0x5e    local.get 1                   [v128:xmm2, v128:local 1]
;;   0x60    local.get 2                   [v128:xmm2, v128:local 1, v128:local 2]
;;   0x62    f64x2.relaxed_nmadd           [v128:xmm2]
;;             006d  movdqu xmm0, [rbp+0x30]
;;             0076  movdqu xmm1, [rbp+0x20]
;;             007f  vfnmadd213pd xmm2, xmm1, xmm0
;;   0x65    end                           (returned)
;;             0084  movaps xmm0, xmm2
;;             0088  mov rsp, rbp
;;             008b  pop rbp
;;             008c  ret
;;           out-of-line stubs
;;             008d  ud2  ; trap: call stack exhausted
;;
;; func 3 $laneselect (param v128 v128 v128) (result v128): 156 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x40
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0016  cmp rsp, [rax]
;;             0019  jb 0x9a
;;   0x68    local.get 0                   [v128:local 0]
;;   0x6a    local.get 1                   [v128:local 0, v128:local 1]
;;   0x6c    local.get 2                   [v128:local 0, v128:local 1, v128:local 2]
;;   0x6e    i8x16.relaxed_laneselect      [v128:xmm2]
;;             001f  movdqu xmm0, [rbp+0x30]
;;             0028  movdqu xmm1, [rbp+0x20]
;;             0031  movdqu xmm2, [rbp+0x10]
;;             003a  vpblendvb xmm2, xmm1, xmm2, xmm0
;;   0x71    local.get 1                   [v128:xmm2, v128:local 1]
;;   0x73    local.get 2                   [v128:xmm2, v128:local 1, v128:local 2]
;;   0x75    i16x8.relaxed_laneselect      [v128:xmm2]
;;             0040  movdqu xmm0, [rbp+0x30]
;;             0049  movdqu xmm1, [rbp+0x20]
;;             0052  vpandn xmm15, xmm0, xmm1
;;             0057  vpand xmm2, xmm2, xmm0
;;             005c  vpor xmm2, xmm2, xmm15
;;   0x78    local.get 1                   [v128:xmm2, v128:local 1]
;;   0x7a    local.get 2                   [v128:xmm2, v128:local 1, v128:local 2]
;;   0x7c    i32x4.relaxed_laneselect      [v128:xmm2]
;;             0061  movdqu xmm0, [rbp+0x30]
;;             006a  movdqu xmm1, [rbp+0x20]
;;             0073  vblendvps xmm2, xmm1, xmm2, xmm0
;;   0x7f    local.get 1                   [v128:xmm2, v128:local 1]
;;   0x81    local.get 2                   [v128:xmm2, v128:local 1, v128:local 2]
;;   0x83    i64x2.relaxed_laneselect      [v128:xmm2]
;;             0079  movdqu xmm0, [rbp+0x30]
;;             0082  movdqu xmm1, [rbp+0x20]
;;             008b  vblendvpd xmm2, xmm1, xmm2, xmm0
;;   0x86    end                           (returned)
;;             0091  movaps xmm0, xmm2
;;             0095  mov rsp, rbp
;;             0098  pop rbp
;;             0099  ret
;;           out-of-line stubs
;;             009a  ud2  ; trap: call stack exhausted
;;
;; func 4 $min_max (param v128 v128) (result v128): 107 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0016  cmp rsp, [rax]
;;             0019  jb 0x69
;;   0x89    local.get 0                   [v128:local 0]
;;   0x8b    local.get 1                   [v128:local 0, v128:local 1]
;;   0x8d    f32x4.relaxed_min             [v128:xmm1]
;;             001f  movdqu xmm0, [rbp+0x20]
;;             0028  movdqu xmm1, [rbp+0x10]
;;             0031  vminps xmm1, xmm1, xmm0
;;   0x90    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x92    f32x4.relaxed_max             [v128:xmm1]
;;             0036  movdqu xmm0, [rbp+0x20]
;;             003f  vmaxps xmm1, xmm1, xmm0
;;   0x95    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x97    f64x2.relaxed_min             [v128:xmm1]
;;             0044  movdqu xmm0, [rbp+0x20]
;;             004d  vminpd xmm1, xmm1, xmm0
;;   0x9a    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x9c    f64x2.relaxed_max             [v128:xmm1]
;;             0052  movdqu xmm0, [rbp+0x20]
;;             005b  vmaxpd xmm1, xmm1, xmm0
;;   0x9f    end                           (returned)
;;             0060  movaps xmm0, xmm1
;;             0064  mov rsp, rbp
;;             0067  pop rbp
;;             0068  ret
;;           out-of-line stubs
;;             0069  ud2  ; trap: call stack exhausted
;;
;; func 5 $int (param v128 v128 v128) (result v128): 128 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x40
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0016  cmp rsp, [rax]
;;             0019  jb 0x7e
;;   0xa2    local.get 0                   [v128:local 0]
;;   0xa4    local.get 1                   [v128:local 0, v128:local 1]
;;   0xa6    i16x8.relaxed_q15mulr_s       [v128:xmm1]
;;             001f  movdqu xmm0, [rbp+0x20]
;;             0028  movdqu xmm1, [rbp+0x10]
;;             0031  vpmulhrsw xmm1, xmm1, xmm0
;;   0xa9    local.get 1                   [v128:xmm1, v128:local 1]
;;   0xab    i16x8.relaxed_dot_i8x16_i7x16_s [v128:xmm1]
;;             0036  movdqu xmm0, [rbp+0x20]
;;             003f  vpmaddubsw xmm1, xmm0, xmm1
;;   0xae    local.get 1                   [v128:xmm1, v128:local 1]
;;   0xb0    local.get 2                   [v128:xmm1, v128:local 1, v128:local 2]
;;   0xb2    i32x4.relaxed_dot_i8x16_i7x16_add_s [v128:xmm1]
;;             0044  movdqu xmm0, [rbp+0x30]
;;             004d  movdqu xmm2, [rbp+0x20]
;;             0056  movaps xmm15, xmm2
;;             005a  pmaddubsw xmm15, xmm1
;;             0060  pcmpeqw xmm1, xmm1
;;             0065  psrlw xmm1, 0xf
;;             006b  pmaddwd xmm1, xmm15
;;             0070  paddd xmm1, xmm0
;;   0xb5    end                           (returned)
;;             0075  movaps xmm0, xmm1
;;             0079  mov rsp, rbp
;;             007c  pop rbp
;;             007d  ret
;;           out-of-line stubs
;;             007e  ud2  ; trap: call stack exhausted

;; ==== expected x86_64:min ====
;; func 0 $swizzle (param v128 v128) (result v128): 66 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0016  cmp rsp, [rax]
;;             0019  jb 0x40
;;   0x2c    local.get 0                   [v128:local 0]
;;   0x2e    local.get 1                   [v128:local 0, v128:local 1]
;;   0x30    i8x16.relaxed_swizzle         [v128:xmm1]
;;             001f  movdqu xmm0, [rbp+0x20]
;;             0028  movdqu xmm1, [rbp+0x10]
;;             0031  pshufb xmm1, xmm0
;;   0x33    end                           (returned)
;;             0037  movaps xmm0, xmm1
;;             003b  mov rsp, rbp
;;             003e  pop rbp
;;             003f  ret
;;           out-of-line stubs
;;             0040  ud2  ; trap: call stack exhausted
;;
;; func 1 $trunc (param v128) (result v128): 196 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0016  cmp rsp, [rax]
;;             0019  jb 0xc2
;;   0x36    local.get 0                   [v128:local 0]
;;   0x38    i32x4.relaxed_trunc_f32x4_s   [v128:xmm0]
;;             001f  movdqu xmm0, [rbp+0x10]
;;             0028  cvttps2dq xmm0, xmm0
;;   0x3b    i32x4.relaxed_trunc_f32x4_u   [v128:xmm0]
;;             002d  xorps xmm15, xmm15
;;             0031  maxps xmm0, xmm15
;;             0035  pcmpeqd xmm15, xmm15
;;             003a  psrld xmm15, 1
;;             0040  cvtdq2ps xmm15, xmm15
;;             0044  movaps xmm14, xmm0
;;             0048  subps xmm14, xmm15
;;             004c  cmpleps xmm15, xmm14
;;             0051  cvttps2dq xmm14, xmm14
;;             0056  pxor xmm14, xmm15
;;             005b  pxor xmm15, xmm15
;;             0060  pmaxsd xmm14, xmm15
;;             0066  cvttps2dq xmm0, xmm0
;;             006b  paddd xmm0, xmm14
;;   0x3e    i32x4.relaxed_trunc_f64x2_s_zero [v128:xmm0]
;;             0070  cvttpd2dq xmm0, xmm0
;;   0x41    i32x4.relaxed_trunc_f64x2_u_zero [v128:xmm0]
;;             0075  xorpd xmm15, xmm15
;;             007a  maxpd xmm0, xmm15
;;             007f  mov rax, 0x41efffffffe00000
;;             0089  movq xmm14, rax
;;             008e  punpcklqdq xmm14, xmm14
;;             0093  minpd xmm0, xmm14
;;             0098  roundpd xmm0, xmm0, 3
;;             009f  mov rax, 0x4330000000000000
;;             00a9  movq xmm14, rax
;;             00ae  punpcklqdq xmm14, xmm14
;;             00b3  addpd xmm0, xmm14
;;             00b8  shufps xmm0, xmm15, 0x88
;;   0x44    end                           (returned)
;;             00bd  mov rsp, rbp
;;             00c0  pop rbp
;;             00c1  ret
;;           out-of-line stubs
;;             00c2  ud2  ; trap: call stack exhausted
;;
;; func 2 $madd (param v128 v128 v128) (result v128): 183 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x40
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0016  cmp rsp, [rax]
;;             0019  jb 0xb5
;;   0x47    local.get 0                   [v128:local 0]
;;   0x49    local.get 1                   [v128:local 0, v128:local 1]
;;   0x4b    local.get 2                   [v128:local 0, v128:local 1, v128:local 2]
;;   0x4d    f32x4.relaxed_madd            [v128:xmm2]
;;             001f  movdqu xmm0, [rbp+0x30]
;;             0028  movdqu xmm1, [rbp+0x20]
;;             0031  movdqu xmm2, [rbp+0x10]
;;             003a  mulps xmm2, xmm1
;;             003e  addps xmm2, xmm0
;;   0x50    local.get 1                   [v128:xmm2, v128:local 1]
;;   0x52    local.get 2                   [v128:xmm2, v128:local 1, v128:local 2]
;;   0x54    f32x4.relaxed_nmadd           [v128:xmm2]
;;             0042  movdqu xmm0, [rbp+0x30]
;;             004b  movdqu xmm1, [rbp+0x20]
;;             0054  movaps xmm15, xmm2
;;             0058  movaps xmm14, xmm0
;;             005c  mulps xmm15, xmm1
;;             0060  subps xmm14, xmm15
;;             0064  movaps xmm2, xmm14
;;   0x57    local.get 1                   [v128:xmm2, v128:local 1]
;;   0x59    local.get 2                   [v128:xmm2, v128:local 1, v128:local 2]
;;   0x5b    f64x2.relaxed_madd            [v128:xmm2]
;;             0068  movdqu xmm0, [rbp+0x30]
;;             0071  movdqu xmm1, [rbp+0x20]
;;             007a  mulpd xmm2, xmm1
;;             007f  addpd xmm2, xmm0
;;   0x5e    local.get 1                   [v128:xmm2, v128:local 1]
;;   0x60    local.get 2                   [v128:xmm2, v128:local 1, v128:local 2]
;;   0x62    f64x2.relaxed_nmadd           [v128:xmm2]
;;             0084  movdqu xmm0, [rbp+0x30]
;;             008d  movdqu xmm1, [rbp+0x20]
;;             0096  movaps xmm15, xmm2
;;             009a  movaps xmm14, xmm0
;;             009e  mulpd xmm15, xmm1
;;             00a3  subpd xmm14, xmm15
;;             00a8  movaps xmm2, xmm14
;;   0x65    end                           (returned)
;;             00ac  movaps xmm0, xmm2
;;             00b0  mov rsp, rbp
;;             00b3  pop rbp
;;             00b4  ret
;;           out-of-line stubs
;;             00b5  ud2  ; trap: call stack exhausted
;;
;; func 3 $laneselect (param v128 v128 v128) (result v128): 199 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x40
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0016  cmp rsp, [rax]
;;             0019  jb 0xc5
;;   0x68    local.get 0                   [v128:local 0]
;;   0x6a    local.get 1                   [v128:local 0, v128:local 1]
;;   0x6c    local.get 2                   [v128:local 0, v128:local 1, v128:local 2]
;;   0x6e    i8x16.relaxed_laneselect      [v128:xmm2]
;;             001f  movdqu xmm0, [rbp+0x30]
;;             0028  movdqu xmm1, [rbp+0x20]
;;             0031  movdqu xmm2, [rbp+0x10]
;;             003a  movaps xmm15, xmm0
;;             003e  pandn xmm15, xmm1
;;             0043  pand xmm2, xmm0
;;             0048  por xmm2, xmm15
;;   0x71    local.get 1                   [v128:xmm2, v128:local 1]
;;   0x73    local.get 2                   [v128:xmm2, v128:local 1, v128:local 2]
;;   0x75    i16x8.relaxed_laneselect      [v128:xmm2]
;;             004d  movdqu xmm0, [rbp+0x30]
;;             0056  movdqu xmm1, [rbp+0x20]
;;             005f  movaps xmm15, xmm0
;;             0063  pandn xmm15, xmm1
;;             0068  pand xmm2, xmm0
;;             006d  por xmm2, xmm15
;;   0x78    local.get 1                   [v128:xmm2, v128:local 1]
;;   0x7a    local.get 2                   [v128:xmm2, v128:local 1, v128:local 2]
;;   0x7c    i32x4.relaxed_laneselect      [v128:xmm2]
;;             0072  movdqu xmm0, [rbp+0x30]
;;             007b  movdqu xmm1, [rbp+0x20]
;;             0084  movaps xmm15, xmm0
;;             0088  pandn xmm15, xmm1
;;             008d  pand xmm2, xmm0
;;             0092  por xmm2, xmm15
;;   0x7f    local.get 1                   [v128:xmm2, v128:local 1]
;;   0x81    local.get 2                   [v128:xmm2, v128:local 1, v128:local 2]
;;   0x83    i64x2.relaxed_laneselect      [v128:xmm2]
;;             0097  movdqu xmm0, [rbp+0x30]
;;             00a0  movdqu xmm1, [rbp+0x20]
;;             00a9  movaps xmm15, xmm0
;;             00ad  pandn xmm15, xmm1
;;             00b2  pand xmm2, xmm0
;;             00b7  por xmm2, xmm15
;;   0x86    end                           (returned)
;;             00bc  movaps xmm0, xmm2
;;             00c0  mov rsp, rbp
;;             00c3  pop rbp
;;             00c4  ret
;;           out-of-line stubs
;;             00c5  ud2  ; trap: call stack exhausted
;;
;; func 4 $min_max (param v128 v128) (result v128): 105 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0016  cmp rsp, [rax]
;;             0019  jb 0x67
;;   0x89    local.get 0                   [v128:local 0]
;;   0x8b    local.get 1                   [v128:local 0, v128:local 1]
;;   0x8d    f32x4.relaxed_min             [v128:xmm1]
;;             001f  movdqu xmm0, [rbp+0x20]
;;             0028  movdqu xmm1, [rbp+0x10]
;;             0031  minps xmm1, xmm0
;;   0x90    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x92    f32x4.relaxed_max             [v128:xmm1]
;;             0035  movdqu xmm0, [rbp+0x20]
;;             003e  maxps xmm1, xmm0
;;   0x95    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x97    f64x2.relaxed_min             [v128:xmm1]
;;             0042  movdqu xmm0, [rbp+0x20]
;;             004b  minpd xmm1, xmm0
;;   0x9a    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x9c    f64x2.relaxed_max             [v128:xmm1]
;;             0050  movdqu xmm0, [rbp+0x20]
;;             0059  maxpd xmm1, xmm0
;;   0x9f    end                           (returned)
;;             005e  movaps xmm0, xmm1
;;             0062  mov rsp, rbp
;;             0065  pop rbp
;;             0066  ret
;;           out-of-line stubs
;;             0067  ud2  ; trap: call stack exhausted
;;
;; func 5 $int (param v128 v128 v128) (result v128): 138 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x40
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0016  cmp rsp, [rax]
;;             0019  jb 0x88
;;   0xa2    local.get 0                   [v128:local 0]
;;   0xa4    local.get 1                   [v128:local 0, v128:local 1]
;;   0xa6    i16x8.relaxed_q15mulr_s       [v128:xmm1]
;;             001f  movdqu xmm0, [rbp+0x20]
;;             0028  movdqu xmm1, [rbp+0x10]
;;             0031  pmulhrsw xmm1, xmm0
;;   0xa9    local.get 1                   [v128:xmm1, v128:local 1]
;;   0xab    i16x8.relaxed_dot_i8x16_i7x16_s [v128:xmm1]
;;             0037  movdqu xmm0, [rbp+0x20]
;;             0040  movaps xmm15, xmm0
;;             0044  pmaddubsw xmm15, xmm1
;;             004a  movaps xmm1, xmm15
;;   0xae    local.get 1                   [v128:xmm1, v128:local 1]
;;   0xb0    local.get 2                   [v128:xmm1, v128:local 1, v128:local 2]
;;   0xb2    i32x4.relaxed_dot_i8x16_i7x16_add_s [v128:xmm1]
;;             004e  movdqu xmm0, [rbp+0x30]
;;             0057  movdqu xmm2, [rbp+0x20]
;;             0060  movaps xmm15, xmm2
;;             0064  pmaddubsw xmm15, xmm1
;;             006a  pcmpeqw xmm1, xmm1
;;             006f  psrlw xmm1, 0xf
;;             0075  pmaddwd xmm1, xmm15
;;             007a  paddd xmm1, xmm0
;;   0xb5    end                           (returned)
;;             007f  movaps xmm0, xmm1
;;             0083  mov rsp, rbp
;;             0086  pop rbp
;;             0087  ret
;;           out-of-line stubs
;;             0088  ud2  ; trap: call stack exhausted

;; ==== expected aarch64 ====
;; func 0 $swizzle (param v128 v128) (result v128): 72 bytes of aarch64
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
;;   0x2c    local.get 0                   [v128:local 0]
;;   0x2e    local.get 1                   [v128:local 0, v128:local 1]
;;   0x30    i8x16.relaxed_swizzle         [v128:q1]
;;             0028  ldr q0, [x29, #0x20]
;;             002c  ldr q1, [x29, #0x10]
;;             0030  tbl v1.16b, {v1.16b}, v0.16b
;;   0x33    end                           (returned)
;;             0034  mov v0.16b, v1.16b
;;             0038  mov sp, x29
;;             003c  ldp x29, x30, [sp], #0x10
;;             0040  ret
;;           out-of-line stubs
;;             0044  udf #0x0  ; trap: call stack exhausted
;;
;; func 1 $trunc (param v128) (result v128): 84 bytes of aarch64
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
;;             0024  b.lo 0x50
;;   0x36    local.get 0                   [v128:local 0]
;;   0x38    i32x4.relaxed_trunc_f32x4_s   [v128:q0]
;;             0028  ldr q0, [x29, #0x10]
;;             002c  fcvtzs v0.4s, v0.4s
;;   0x3b    i32x4.relaxed_trunc_f32x4_u   [v128:q0]
;;             0030  fcvtzu v0.4s, v0.4s
;;   0x3e    i32x4.relaxed_trunc_f64x2_s_zero [v128:q0]
;;             0034  fcvtzs v31.2d, v0.2d
;;             0038  sqxtn v0.2s, v31.2d
;;   0x41    i32x4.relaxed_trunc_f64x2_u_zero [v128:q0]
;;             003c  fcvtzu v31.2d, v0.2d
;;             0040  uqxtn v0.2s, v31.2d
;;   0x44    end                           (returned)
;;             0044  mov sp, x29
;;             0048  ldp x29, x30, [sp], #0x10
;;             004c  ret
;;           out-of-line stubs
;;             0050  udf #0x0  ; trap: call stack exhausted
;;
;; func 2 $madd (param v128 v128 v128) (result v128): 144 bytes of aarch64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  stp x29, x30, [sp, #-0x10]!
;;             0004  mov x29, sp
;;             0008  mov x16, #0x40
;;             000c  movk x16, #0x0, lsl #16
;;             0010  sub sp, sp, x16
;;             0014  stur x28, [x29, #-0x8]
;;             0018  ldr x16, [x28]
;;             001c  ldr x16, [x16]
;;             0020  cmp sp, x16
;;             0024  b.lo 0x8c
;;   0x47    local.get 0                   [v128:local 0]
;;   0x49    local.get 1                   [v128:local 0, v128:local 1]
;;   0x4b    local.get 2                   [v128:local 0, v128:local 1, v128:local 2]
;;   0x4d    f32x4.relaxed_madd            [v128:q2]
;;             0028  ldr q0, [x29, #0x30]
;;             002c  ldr q1, [x29, #0x20]
;;             0030  ldr q2, [x29, #0x10]
;;             0034  mov v31.16b, v0.16b
;;             0038  fmla v31.4s, v2.4s, v1.4s
;;             003c  mov v2.16b, v31.16b
;;   0x50    local.get 1                   [v128:q2, v128:local 1]
;;   0x52    local.get 2                   [v128:q2, v128:local 1, v128:local 2]
;;   0x54    f32x4.relaxed_nmadd           [v128:q2]
;;             0040  ldr q0, [x29, #0x30]
;;             0044  ldr q1, [x29, #0x20]
;;             0048  mov v31.16b, v0.16b
;;             004c  fmls v31.4s, v2.4s, v1.4s
;;             0050  mov v2.16b, v31.16b
;;   0x57    local.get 1                   [v128:q2, v128:local 1]
;;   0x59    local.get 2                   [v128:q2, v128:local 1, v128:local 2]
;;   0x5b    f64x2.relaxed_madd            [v128:q2]
;;             0054  ldr q0, [x29, #0x30]
;;             0058  ldr q1, [x29, #0x20]
;;             005c  mov v31.16b, v0.16b
;;             0060  fmla v31.2d, v2.2d, v1.2d
;;             0064  mov v2.16b, v31.16b
;;   0x5e    local.get 1                   [v128:q2, v128:local 1]
;;   0x60    local.get 2                   [v128:q2, v128:local 1, v128:local 2]
;;   0x62    f64x2.relaxed_nmadd           [v128:q2]
;;             0068  ldr q0, [x29, #0x30]
;;             006c  ldr q1, [x29, #0x20]
;;             0070  mov v31.16b, v0.16b
;;             0074  fmls v31.2d, v2.2d, v1.2d
;;             0078  mov v2.16b, v31.16b
;;   0x65    end                           (returned)
;;             007c  mov v0.16b, v2.16b
;;             0080  mov sp, x29
;;             0084  ldp x29, x30, [sp], #0x10
;;             0088  ret
;;           out-of-line stubs
;;             008c  udf #0x0  ; trap: call stack exhausted
;;
;; func 3 $laneselect (param v128 v128 v128) (result v128): 112 bytes of aarch64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  stp x29, x30, [sp, #-0x10]!
;;             0004  mov x29, sp
;;             0008  mov x16, #0x40
;;             000c  movk x16, #0x0, lsl #16
;;             0010  sub sp, sp, x16
;;             0014  stur x28, [x29, #-0x8]
;;             0018  ldr x16, [x28]
;;             001c  ldr x16, [x16]
;;             0020  cmp sp, x16
;;             0024  b.lo 0x6c
;;   0x68    local.get 0                   [v128:local 0]
;;   0x6a    local.get 1                   [v128:local 0, v128:local 1]
;;   0x6c    local.get 2                   [v128:local 0, v128:local 1, v128:local 2]
;;   0x6e    i8x16.relaxed_laneselect      [v128:q2]
;;             0028  ldr q0, [x29, #0x30]
;;             002c  ldr q1, [x29, #0x20]
;;             0030  ldr q2, [x29, #0x10]
;;             0034  bif v2.16b, v1.16b, v0.16b
;;   0x71    local.get 1                   [v128:q2, v128:local 1]
;;   0x73    local.get 2                   [v128:q2, v128:local 1, v128:local 2]
;;   0x75    i16x8.relaxed_laneselect      [v128:q2]
;;             0038  ldr q0, [x29, #0x30]
;;             003c  ldr q1, [x29, #0x20]
;;             0040  bif v2.16b, v1.16b, v0.16b
;;   0x78    local.get 1                   [v128:q2, v128:local 1]
;;   0x7a    local.get 2                   [v128:q2, v128:local 1, v128:local 2]
;;   0x7c    i32x4.relaxed_laneselect      [v128:q2]
;;             0044  ldr q0, [x29, #0x30]
;;             0048  ldr q1, [x29, #0x20]
;;             004c  bif v2.16b, v1.16b, v0.16b
;;   0x7f    local.get 1                   [v128:q2, v128:local 1]
;;   0x81    local.get 2                   [v128:q2, v128:local 1, v128:local 2]
;;   0x83    i64x2.relaxed_laneselect      [v128:q2]
;;             0050  ldr q0, [x29, #0x30]
;;             0054  ldr q1, [x29, #0x20]
;;             0058  bif v2.16b, v1.16b, v0.16b
;;   0x86    end                           (returned)
;;             005c  mov v0.16b, v2.16b
;;             0060  mov sp, x29
;;             0064  ldp x29, x30, [sp], #0x10
;;             0068  ret
;;           out-of-line stubs
;;             006c  udf #0x0  ; trap: call stack exhausted
;;
;; func 4 $min_max (param v128 v128) (result v128): 96 bytes of aarch64
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
;;             0024  b.lo 0x5c
;;   0x89    local.get 0                   [v128:local 0]
;;   0x8b    local.get 1                   [v128:local 0, v128:local 1]
;;   0x8d    f32x4.relaxed_min             [v128:q1]
;;             0028  ldr q0, [x29, #0x20]
;;             002c  ldr q1, [x29, #0x10]
;;             0030  fmin v1.4s, v1.4s, v0.4s
;;   0x90    local.get 1                   [v128:q1, v128:local 1]
;;   0x92    f32x4.relaxed_max             [v128:q1]
;;             0034  ldr q0, [x29, #0x20]
;;             0038  fmax v1.4s, v1.4s, v0.4s
;;   0x95    local.get 1                   [v128:q1, v128:local 1]
;;   0x97    f64x2.relaxed_min             [v128:q1]
;;             003c  ldr q0, [x29, #0x20]
;;             0040  fmin v1.2d, v1.2d, v0.2d
;;   0x9a    local.get 1                   [v128:q1, v128:local 1]
;;   0x9c    f64x2.relaxed_max             [v128:q1]
;;             0044  ldr q0, [x29, #0x20]
;;             0048  fmax v1.2d, v1.2d, v0.2d
;;   0x9f    end                           (returned)
;;             004c  mov v0.16b, v1.16b
;;             0050  mov sp, x29
;;             0054  ldp x29, x30, [sp], #0x10
;;             0058  ret
;;           out-of-line stubs
;;             005c  udf #0x0  ; trap: call stack exhausted
;;
;; func 5 $int (param v128 v128 v128) (result v128): 108 bytes of aarch64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  stp x29, x30, [sp, #-0x10]!
;;             0004  mov x29, sp
;;             0008  mov x16, #0x40
;;             000c  movk x16, #0x0, lsl #16
;;             0010  sub sp, sp, x16
;;             0014  stur x28, [x29, #-0x8]
;;             0018  ldr x16, [x28]
;;             001c  ldr x16, [x16]
;;             0020  cmp sp, x16
;;             0024  b.lo 0x68
;;   0xa2    local.get 0                   [v128:local 0]
;;   0xa4    local.get 1                   [v128:local 0, v128:local 1]
;;   0xa6    i16x8.relaxed_q15mulr_s       [v128:q1]
;;             0028  ldr q0, [x29, #0x20]
;;             002c  ldr q1, [x29, #0x10]
;;             0030  sqrdmulh v1.8h, v1.8h, v0.8h
;;   0xa9    local.get 1                   [v128:q1, v128:local 1]
;;   0xab    i16x8.relaxed_dot_i8x16_i7x16_s [v128:q1]
;;             0034  ldr q0, [x29, #0x20]
;;             0038  smull v31.8h, v1.8b, v0.8b
;;             003c  smull2 v1.8h, v1.16b, v0.16b
;;             0040  addp v1.8h, v31.8h, v1.8h
;;   0xae    local.get 1                   [v128:q1, v128:local 1]
;;   0xb0    local.get 2                   [v128:q1, v128:local 1, v128:local 2]
;;   0xb2    i32x4.relaxed_dot_i8x16_i7x16_add_s [v128:q1]
;;             0044  ldr q0, [x29, #0x30]
;;             0048  ldr q2, [x29, #0x20]
;;             004c  mov v31.16b, v0.16b
;;             0050  sdot v31.4s, v1.16b, v2.16b
;;             0054  mov v1.16b, v31.16b
;;   0xb5    end                           (returned)
;;             0058  mov v0.16b, v1.16b
;;             005c  mov sp, x29
;;             0060  ldp x29, x30, [sp], #0x10
;;             0064  ret
;;           out-of-line stubs
;;             0068  udf #0x0  ; trap: call stack exhausted
