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
;; func 0 $swizzle (param v128 v128) (result v128): 53 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x33
;;   0x2c    local.get 0                   [v128:local 0]
;;   0x2e    local.get 1                   [v128:local 0, v128:local 1]
;;   0x30    i8x16.relaxed_swizzle         [v128:xmm1]
;;             001b  movdqu xmm0, [rbp+0x20]
;;             0020  movdqu xmm1, [rbp+0x10]
;;             0025  vpshufb xmm1, xmm1, xmm0
;;   0x33    end                           (returned)
;;             002a  movaps xmm0, xmm1
;;             002e  mov rsp, rbp
;;             0031  pop rbp
;;             0032  ret
;;           out-of-line stubs
;;             0033  ud2  ; trap: call stack exhausted
;;
;; func 1 $trunc (param v128) (result v128): 188 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0xba
;;   0x36    local.get 0                   [v128:local 0]
;;   0x38    i32x4.relaxed_trunc_f32x4_s   [v128:xmm0]
;;             001b  movdqu xmm0, [rbp+0x10]
;;             0020  cvttps2dq xmm0, xmm0
;;   0x3b    i32x4.relaxed_trunc_f32x4_u   [v128:xmm0]
;;             0025  xorps xmm15, xmm15
;;             0029  maxps xmm0, xmm15
;;             002d  pcmpeqd xmm15, xmm15
;;             0032  psrld xmm15, 1
;;             0038  cvtdq2ps xmm15, xmm15
;;             003c  movaps xmm14, xmm0
;;             0040  subps xmm14, xmm15
;;             0044  cmpleps xmm15, xmm14
;;             0049  cvttps2dq xmm14, xmm14
;;             004e  pxor xmm14, xmm15
;;             0053  pxor xmm15, xmm15
;;             0058  pmaxsd xmm14, xmm15
;;             005e  cvttps2dq xmm0, xmm0
;;             0063  paddd xmm0, xmm14
;;   0x3e    i32x4.relaxed_trunc_f64x2_s_zero [v128:xmm0]
;;             0068  cvttpd2dq xmm0, xmm0
;;   0x41    i32x4.relaxed_trunc_f64x2_u_zero [v128:xmm0]
;;             006d  xorpd xmm15, xmm15
;;             0072  maxpd xmm0, xmm15
;;             0077  mov rax, 0x41efffffffe00000
;;             0081  movq xmm14, rax
;;             0086  punpcklqdq xmm14, xmm14
;;             008b  minpd xmm0, xmm14
;;             0090  roundpd xmm0, xmm0, 3
;;             0097  mov rax, 0x4330000000000000
;;             00a1  movq xmm14, rax
;;             00a6  punpcklqdq xmm14, xmm14
;;             00ab  addpd xmm0, xmm14
;;             00b0  shufps xmm0, xmm15, 0x88
;;   0x44    end                           (returned)
;;             00b5  mov rsp, rbp
;;             00b8  pop rbp
;;             00b9  ret
;;           out-of-line stubs
;;             00ba  ud2  ; trap: call stack exhausted
;;
;; func 2 $madd (param v128 v128 v128) (result v128): 103 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x40
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x65
;;   0x47    local.get 0                   [v128:local 0]
;;   0x49    local.get 1                   [v128:local 0, v128:local 1]
;;   0x4b    local.get 2                   [v128:local 0, v128:local 1, v128:local 2]
;;   0x4d    f32x4.relaxed_madd            [v128:xmm2]
;;             001b  movdqu xmm0, [rbp+0x30]
;;             0020  movdqu xmm1, [rbp+0x20]
;;             0025  movdqu xmm2, [rbp+0x10]
;;             002a  vfmadd213ps xmm2, xmm1, xmm0
;;   0x50    local.get 1                   [v128:xmm2, v128:local 1]
;;   0x52    local.get 2                   [v128:xmm2, v128:local 1, v128:local 2]
;;   0x54    f32x4.relaxed_nmadd           [v128:xmm2]
;;             002f  movdqu xmm0, [rbp+0x30]
;;             0034  movdqu xmm1, [rbp+0x20]
;;             0039  vfnmadd213ps xmm2, xmm1, xmm0
;;   0x57    local.get 1                   [v128:xmm2, v128:local 1]
;;   0x59    local.get 2                   [v128:xmm2, v128:local 1, v128:local 2]
;;   0x5b    f64x2.relaxed_madd            [v128:xmm2]
;;             003e  movdqu xmm0, [rbp+0x30]
;;             0043  movdqu xmm1, [rbp+0x20]
;;             0048  vfmadd213pd xmm2, xmm1, xmm0
;;   0x5e    local.get 1                   [v128:xmm2, v128:local 1]
;;   0x60    local.get 2                   [v128:xmm2, v128:local 1, v128:local 2]
;;   0x62    f64x2.relaxed_nmadd           [v128:xmm2]
;;             004d  movdqu xmm0, [rbp+0x30]
;;             0052  movdqu xmm1, [rbp+0x20]
;;             0057  vfnmadd213pd xmm2, xmm1, xmm0
;;   0x65    end                           (returned)
;;             005c  movaps xmm0, xmm2
;;             0060  mov rsp, rbp
;;             0063  pop rbp
;;             0064  ret
;;           out-of-line stubs
;;             0065  ud2  ; trap: call stack exhausted
;;
;; func 3 $laneselect (param v128 v128 v128) (result v128): 116 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x40
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x72
;;   0x68    local.get 0                   [v128:local 0]
;;   0x6a    local.get 1                   [v128:local 0, v128:local 1]
;;   0x6c    local.get 2                   [v128:local 0, v128:local 1, v128:local 2]
;;   0x6e    i8x16.relaxed_laneselect      [v128:xmm2]
;;             001b  movdqu xmm0, [rbp+0x30]
;;             0020  movdqu xmm1, [rbp+0x20]
;;             0025  movdqu xmm2, [rbp+0x10]
;;             002a  vpblendvb xmm2, xmm1, xmm2, xmm0
;;   0x71    local.get 1                   [v128:xmm2, v128:local 1]
;;   0x73    local.get 2                   [v128:xmm2, v128:local 1, v128:local 2]
;;   0x75    i16x8.relaxed_laneselect      [v128:xmm2]
;;             0030  movdqu xmm0, [rbp+0x30]
;;             0035  movdqu xmm1, [rbp+0x20]
;;             003a  vpandn xmm15, xmm0, xmm1
;;             003f  vpand xmm2, xmm2, xmm0
;;             0044  vpor xmm2, xmm2, xmm15
;;   0x78    local.get 1                   [v128:xmm2, v128:local 1]
;;   0x7a    local.get 2                   [v128:xmm2, v128:local 1, v128:local 2]
;;   0x7c    i32x4.relaxed_laneselect      [v128:xmm2]
;;             0049  movdqu xmm0, [rbp+0x30]
;;             004e  movdqu xmm1, [rbp+0x20]
;;             0053  vblendvps xmm2, xmm1, xmm2, xmm0
;;   0x7f    local.get 1                   [v128:xmm2, v128:local 1]
;;   0x81    local.get 2                   [v128:xmm2, v128:local 1, v128:local 2]
;;   0x83    i64x2.relaxed_laneselect      [v128:xmm2]
;;             0059  movdqu xmm0, [rbp+0x30]
;;             005e  movdqu xmm1, [rbp+0x20]
;;             0063  vblendvpd xmm2, xmm1, xmm2, xmm0
;;   0x86    end                           (returned)
;;             0069  movaps xmm0, xmm2
;;             006d  mov rsp, rbp
;;             0070  pop rbp
;;             0071  ret
;;           out-of-line stubs
;;             0072  ud2  ; trap: call stack exhausted
;;
;; func 4 $min_max (param v128 v128) (result v128): 83 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x51
;;   0x89    local.get 0                   [v128:local 0]
;;   0x8b    local.get 1                   [v128:local 0, v128:local 1]
;;   0x8d    f32x4.relaxed_min             [v128:xmm1]
;;             001b  movdqu xmm0, [rbp+0x20]
;;             0020  movdqu xmm1, [rbp+0x10]
;;             0025  vminps xmm1, xmm1, xmm0
;;   0x90    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x92    f32x4.relaxed_max             [v128:xmm1]
;;             002a  movdqu xmm0, [rbp+0x20]
;;             002f  vmaxps xmm1, xmm1, xmm0
;;   0x95    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x97    f64x2.relaxed_min             [v128:xmm1]
;;             0034  movdqu xmm0, [rbp+0x20]
;;             0039  vminpd xmm1, xmm1, xmm0
;;   0x9a    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x9c    f64x2.relaxed_max             [v128:xmm1]
;;             003e  movdqu xmm0, [rbp+0x20]
;;             0043  vmaxpd xmm1, xmm1, xmm0
;;   0x9f    end                           (returned)
;;             0048  movaps xmm0, xmm1
;;             004c  mov rsp, rbp
;;             004f  pop rbp
;;             0050  ret
;;           out-of-line stubs
;;             0051  ud2  ; trap: call stack exhausted
;;
;; func 5 $int (param v128 v128 v128) (result v128): 104 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x40
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x66
;;   0xa2    local.get 0                   [v128:local 0]
;;   0xa4    local.get 1                   [v128:local 0, v128:local 1]
;;   0xa6    i16x8.relaxed_q15mulr_s       [v128:xmm1]
;;             001b  movdqu xmm0, [rbp+0x20]
;;             0020  movdqu xmm1, [rbp+0x10]
;;             0025  vpmulhrsw xmm1, xmm1, xmm0
;;   0xa9    local.get 1                   [v128:xmm1, v128:local 1]
;;   0xab    i16x8.relaxed_dot_i8x16_i7x16_s [v128:xmm1]
;;             002a  movdqu xmm0, [rbp+0x20]
;;             002f  vpmaddubsw xmm1, xmm0, xmm1
;;   0xae    local.get 1                   [v128:xmm1, v128:local 1]
;;   0xb0    local.get 2                   [v128:xmm1, v128:local 1, v128:local 2]
;;   0xb2    i32x4.relaxed_dot_i8x16_i7x16_add_s [v128:xmm1]
;;             0034  movdqu xmm0, [rbp+0x30]
;;             0039  movdqu xmm2, [rbp+0x20]
;;             003e  movaps xmm15, xmm2
;;             0042  pmaddubsw xmm15, xmm1
;;             0048  pcmpeqw xmm1, xmm1
;;             004d  psrlw xmm1, 0xf
;;             0053  pmaddwd xmm1, xmm15
;;             0058  paddd xmm1, xmm0
;;   0xb5    end                           (returned)
;;             005d  movaps xmm0, xmm1
;;             0061  mov rsp, rbp
;;             0064  pop rbp
;;             0065  ret
;;           out-of-line stubs
;;             0066  ud2  ; trap: call stack exhausted

;; ==== expected x86_64:min ====
;; func 0 $swizzle (param v128 v128) (result v128): 54 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x34
;;   0x2c    local.get 0                   [v128:local 0]
;;   0x2e    local.get 1                   [v128:local 0, v128:local 1]
;;   0x30    i8x16.relaxed_swizzle         [v128:xmm1]
;;             001b  movdqu xmm0, [rbp+0x20]
;;             0020  movdqu xmm1, [rbp+0x10]
;;             0025  pshufb xmm1, xmm0
;;   0x33    end                           (returned)
;;             002b  movaps xmm0, xmm1
;;             002f  mov rsp, rbp
;;             0032  pop rbp
;;             0033  ret
;;           out-of-line stubs
;;             0034  ud2  ; trap: call stack exhausted
;;
;; func 1 $trunc (param v128) (result v128): 188 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0xba
;;   0x36    local.get 0                   [v128:local 0]
;;   0x38    i32x4.relaxed_trunc_f32x4_s   [v128:xmm0]
;;             001b  movdqu xmm0, [rbp+0x10]
;;             0020  cvttps2dq xmm0, xmm0
;;   0x3b    i32x4.relaxed_trunc_f32x4_u   [v128:xmm0]
;;             0025  xorps xmm15, xmm15
;;             0029  maxps xmm0, xmm15
;;             002d  pcmpeqd xmm15, xmm15
;;             0032  psrld xmm15, 1
;;             0038  cvtdq2ps xmm15, xmm15
;;             003c  movaps xmm14, xmm0
;;             0040  subps xmm14, xmm15
;;             0044  cmpleps xmm15, xmm14
;;             0049  cvttps2dq xmm14, xmm14
;;             004e  pxor xmm14, xmm15
;;             0053  pxor xmm15, xmm15
;;             0058  pmaxsd xmm14, xmm15
;;             005e  cvttps2dq xmm0, xmm0
;;             0063  paddd xmm0, xmm14
;;   0x3e    i32x4.relaxed_trunc_f64x2_s_zero [v128:xmm0]
;;             0068  cvttpd2dq xmm0, xmm0
;;   0x41    i32x4.relaxed_trunc_f64x2_u_zero [v128:xmm0]
;;             006d  xorpd xmm15, xmm15
;;             0072  maxpd xmm0, xmm15
;;             0077  mov rax, 0x41efffffffe00000
;;             0081  movq xmm14, rax
;;             0086  punpcklqdq xmm14, xmm14
;;             008b  minpd xmm0, xmm14
;;             0090  roundpd xmm0, xmm0, 3
;;             0097  mov rax, 0x4330000000000000
;;             00a1  movq xmm14, rax
;;             00a6  punpcklqdq xmm14, xmm14
;;             00ab  addpd xmm0, xmm14
;;             00b0  shufps xmm0, xmm15, 0x88
;;   0x44    end                           (returned)
;;             00b5  mov rsp, rbp
;;             00b8  pop rbp
;;             00b9  ret
;;           out-of-line stubs
;;             00ba  ud2  ; trap: call stack exhausted
;;
;; func 2 $madd (param v128 v128 v128) (result v128): 143 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x40
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x8d
;;   0x47    local.get 0                   [v128:local 0]
;;   0x49    local.get 1                   [v128:local 0, v128:local 1]
;;   0x4b    local.get 2                   [v128:local 0, v128:local 1, v128:local 2]
;;   0x4d    f32x4.relaxed_madd            [v128:xmm2]
;;             001b  movdqu xmm0, [rbp+0x30]
;;             0020  movdqu xmm1, [rbp+0x20]
;;             0025  movdqu xmm2, [rbp+0x10]
;;             002a  mulps xmm2, xmm1
;;             002e  addps xmm2, xmm0
;;   0x50    local.get 1                   [v128:xmm2, v128:local 1]
;;   0x52    local.get 2                   [v128:xmm2, v128:local 1, v128:local 2]
;;   0x54    f32x4.relaxed_nmadd           [v128:xmm2]
;;             0032  movdqu xmm0, [rbp+0x30]
;;             0037  movdqu xmm1, [rbp+0x20]
;;             003c  movaps xmm15, xmm2
;;             0040  movaps xmm14, xmm0
;;             0044  mulps xmm15, xmm1
;;             0048  subps xmm14, xmm15
;;             004c  movaps xmm2, xmm14
;;   0x57    local.get 1                   [v128:xmm2, v128:local 1]
;;   0x59    local.get 2                   [v128:xmm2, v128:local 1, v128:local 2]
;;   0x5b    f64x2.relaxed_madd            [v128:xmm2]
;;             0050  movdqu xmm0, [rbp+0x30]
;;             0055  movdqu xmm1, [rbp+0x20]
;;             005a  mulpd xmm2, xmm1
;;             005f  addpd xmm2, xmm0
;;   0x5e    local.get 1                   [v128:xmm2, v128:local 1]
;;   0x60    local.get 2                   [v128:xmm2, v128:local 1, v128:local 2]
;;   0x62    f64x2.relaxed_nmadd           [v128:xmm2]
;;             0064  movdqu xmm0, [rbp+0x30]
;;             0069  movdqu xmm1, [rbp+0x20]
;;             006e  movaps xmm15, xmm2
;;             0072  movaps xmm14, xmm0
;;             0076  mulpd xmm15, xmm1
;;             007b  subpd xmm14, xmm15
;;             0080  movaps xmm2, xmm14
;;   0x65    end                           (returned)
;;             0084  movaps xmm0, xmm2
;;             0088  mov rsp, rbp
;;             008b  pop rbp
;;             008c  ret
;;           out-of-line stubs
;;             008d  ud2  ; trap: call stack exhausted
;;
;; func 3 $laneselect (param v128 v128 v128) (result v128): 159 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x40
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x9d
;;   0x68    local.get 0                   [v128:local 0]
;;   0x6a    local.get 1                   [v128:local 0, v128:local 1]
;;   0x6c    local.get 2                   [v128:local 0, v128:local 1, v128:local 2]
;;   0x6e    i8x16.relaxed_laneselect      [v128:xmm2]
;;             001b  movdqu xmm0, [rbp+0x30]
;;             0020  movdqu xmm1, [rbp+0x20]
;;             0025  movdqu xmm2, [rbp+0x10]
;;             002a  movaps xmm15, xmm0
;;             002e  pandn xmm15, xmm1
;;             0033  pand xmm2, xmm0
;;             0038  por xmm2, xmm15
;;   0x71    local.get 1                   [v128:xmm2, v128:local 1]
;;   0x73    local.get 2                   [v128:xmm2, v128:local 1, v128:local 2]
;;   0x75    i16x8.relaxed_laneselect      [v128:xmm2]
;;             003d  movdqu xmm0, [rbp+0x30]
;;             0042  movdqu xmm1, [rbp+0x20]
;;             0047  movaps xmm15, xmm0
;;             004b  pandn xmm15, xmm1
;;             0050  pand xmm2, xmm0
;;             0055  por xmm2, xmm15
;;   0x78    local.get 1                   [v128:xmm2, v128:local 1]
;;   0x7a    local.get 2                   [v128:xmm2, v128:local 1, v128:local 2]
;;   0x7c    i32x4.relaxed_laneselect      [v128:xmm2]
;;             005a  movdqu xmm0, [rbp+0x30]
;;             005f  movdqu xmm1, [rbp+0x20]
;;             0064  movaps xmm15, xmm0
;;             0068  pandn xmm15, xmm1
;;             006d  pand xmm2, xmm0
;;             0072  por xmm2, xmm15
;;   0x7f    local.get 1                   [v128:xmm2, v128:local 1]
;;   0x81    local.get 2                   [v128:xmm2, v128:local 1, v128:local 2]
;;   0x83    i64x2.relaxed_laneselect      [v128:xmm2]
;;             0077  movdqu xmm0, [rbp+0x30]
;;             007c  movdqu xmm1, [rbp+0x20]
;;             0081  movaps xmm15, xmm0
;;             0085  pandn xmm15, xmm1
;;             008a  pand xmm2, xmm0
;;             008f  por xmm2, xmm15
;;   0x86    end                           (returned)
;;             0094  movaps xmm0, xmm2
;;             0098  mov rsp, rbp
;;             009b  pop rbp
;;             009c  ret
;;           out-of-line stubs
;;             009d  ud2  ; trap: call stack exhausted
;;
;; func 4 $min_max (param v128 v128) (result v128): 81 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x4f
;;   0x89    local.get 0                   [v128:local 0]
;;   0x8b    local.get 1                   [v128:local 0, v128:local 1]
;;   0x8d    f32x4.relaxed_min             [v128:xmm1]
;;             001b  movdqu xmm0, [rbp+0x20]
;;             0020  movdqu xmm1, [rbp+0x10]
;;             0025  minps xmm1, xmm0
;;   0x90    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x92    f32x4.relaxed_max             [v128:xmm1]
;;             0029  movdqu xmm0, [rbp+0x20]
;;             002e  maxps xmm1, xmm0
;;   0x95    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x97    f64x2.relaxed_min             [v128:xmm1]
;;             0032  movdqu xmm0, [rbp+0x20]
;;             0037  minpd xmm1, xmm0
;;   0x9a    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x9c    f64x2.relaxed_max             [v128:xmm1]
;;             003c  movdqu xmm0, [rbp+0x20]
;;             0041  maxpd xmm1, xmm0
;;   0x9f    end                           (returned)
;;             0046  movaps xmm0, xmm1
;;             004a  mov rsp, rbp
;;             004d  pop rbp
;;             004e  ret
;;           out-of-line stubs
;;             004f  ud2  ; trap: call stack exhausted
;;
;; func 5 $int (param v128 v128 v128) (result v128): 114 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x40
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x70
;;   0xa2    local.get 0                   [v128:local 0]
;;   0xa4    local.get 1                   [v128:local 0, v128:local 1]
;;   0xa6    i16x8.relaxed_q15mulr_s       [v128:xmm1]
;;             001b  movdqu xmm0, [rbp+0x20]
;;             0020  movdqu xmm1, [rbp+0x10]
;;             0025  pmulhrsw xmm1, xmm0
;;   0xa9    local.get 1                   [v128:xmm1, v128:local 1]
;;   0xab    i16x8.relaxed_dot_i8x16_i7x16_s [v128:xmm1]
;;             002b  movdqu xmm0, [rbp+0x20]
;;             0030  movaps xmm15, xmm0
;;             0034  pmaddubsw xmm15, xmm1
;;             003a  movaps xmm1, xmm15
;;   0xae    local.get 1                   [v128:xmm1, v128:local 1]
;;   0xb0    local.get 2                   [v128:xmm1, v128:local 1, v128:local 2]
;;   0xb2    i32x4.relaxed_dot_i8x16_i7x16_add_s [v128:xmm1]
;;             003e  movdqu xmm0, [rbp+0x30]
;;             0043  movdqu xmm2, [rbp+0x20]
;;             0048  movaps xmm15, xmm2
;;             004c  pmaddubsw xmm15, xmm1
;;             0052  pcmpeqw xmm1, xmm1
;;             0057  psrlw xmm1, 0xf
;;             005d  pmaddwd xmm1, xmm15
;;             0062  paddd xmm1, xmm0
;;   0xb5    end                           (returned)
;;             0067  movaps xmm0, xmm1
;;             006b  mov rsp, rbp
;;             006e  pop rbp
;;             006f  ret
;;           out-of-line stubs
;;             0070  ud2  ; trap: call stack exhausted

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
