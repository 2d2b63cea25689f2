;; targets: x86_64 x86_64:min aarch64
;;
;; Float lane arithmetic for f32x4 and f64x2: add, sub, mul, div; wasm's
;; NaN- and zero-sign-aware min and max; the pseudo-min/max pmin and pmax
;; (a plain `b < a ? b : a`); abs and neg (sign-bit masks on x86-64);
;; sqrt and the four roundings (ceil, floor, trunc, nearest).

(module
  (func $f32x4 (param v128 v128) (result v128)
    (f32x4.add (local.get 0) (local.get 1))
    (f32x4.sub (local.get 1))
    (f32x4.mul (local.get 1))
    (f32x4.div (local.get 1))
    (f32x4.abs)
    (f32x4.neg)
    (f32x4.sqrt))
  (func $f32x4_min_max (param v128 v128) (result v128)
    (f32x4.min (local.get 0) (local.get 1))
    (f32x4.max (local.get 1))
    (f32x4.pmin (local.get 1))
    (f32x4.pmax (local.get 1)))
  (func $f32x4_round (param v128) (result v128)
    (f32x4.ceil (local.get 0))
    (f32x4.floor)
    (f32x4.trunc)
    (f32x4.nearest))
  (func $f64x2 (param v128 v128) (result v128)
    (f64x2.add (local.get 0) (local.get 1))
    (f64x2.sub (local.get 1))
    (f64x2.mul (local.get 1))
    (f64x2.div (local.get 1))
    (f64x2.abs)
    (f64x2.neg)
    (f64x2.sqrt))
  (func $f64x2_min_max (param v128 v128) (result v128)
    (f64x2.min (local.get 0) (local.get 1))
    (f64x2.max (local.get 1))
    (f64x2.pmin (local.get 1))
    (f64x2.pmax (local.get 1)))
  (func $f64x2_round (param v128) (result v128)
    (f64x2.ceil (local.get 0))
    (f64x2.floor)
    (f64x2.trunc)
    (f64x2.nearest)))

;; ==== expected x86_64 ====
;; func 0 $f32x4 (param v128 v128) (result v128): 124 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x7a
;;   0x25    local.get 0                   [v128:local 0]
;;   0x27    local.get 1                   [v128:local 0, v128:local 1]
;;   0x29    f32x4.add                     [v128:xmm1]
;;             001b  movdqu xmm0, [rbp+0x20]
;;             0021  movdqu xmm1, [rbp+0x10]
;;             0027  vaddps xmm1, xmm1, xmm0
;;   0x2c    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x2e    f32x4.sub                     [v128:xmm1]
;;             002c  movdqu xmm0, [rbp+0x20]
;;             0032  vsubps xmm1, xmm1, xmm0
;;   0x31    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x33    f32x4.mul                     [v128:xmm1]
;;             0037  movdqu xmm0, [rbp+0x20]
;;             003d  vmulps xmm1, xmm1, xmm0
;;   0x36    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x38    f32x4.div                     [v128:xmm1]
;;             0042  movdqu xmm0, [rbp+0x20]
;;             0048  vdivps xmm1, xmm1, xmm0
;;   0x3b    f32x4.abs                     [v128:xmm1]
;;             004d  pcmpeqd xmm15, xmm15
;;             0052  psrld xmm15, 1
;;             0058  vandps xmm1, xmm1, xmm15
;;   0x3e    f32x4.neg                     [v128:xmm1]
;;             005d  pcmpeqd xmm15, xmm15
;;             0062  pslld xmm15, 0x1f
;;             0068  vxorps xmm1, xmm1, xmm15
;;   0x41    f32x4.sqrt                    [v128:xmm1]
;;             006d  sqrtps xmm1, xmm1
;;   0x44    end                           (returned)
;;             0071  movaps xmm0, xmm1
;;             0075  mov rsp, rbp
;;             0078  pop rbp
;;             0079  ret
;;           out-of-line stubs
;;             007a  ud2  ; trap: call stack exhausted
;;
;; func 1 $f32x4_min_max (param v128 v128) (result v128): 157 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x9b
;;   0x47    local.get 0                   [v128:local 0]
;;   0x49    local.get 1                   [v128:local 0, v128:local 1]
;;   0x4b    f32x4.min                     [v128:xmm1]
;;             001b  movdqu xmm0, [rbp+0x20]
;;             0021  movdqu xmm1, [rbp+0x10]
;;             0027  vminps xmm15, xmm0, xmm1
;;             002c  vminps xmm14, xmm1, xmm0
;;             0031  vorps xmm14, xmm14, xmm15
;;             0036  vcmpunordps xmm15, xmm15, xmm14
;;             003c  vorps xmm14, xmm14, xmm15
;;             0041  vpsrld xmm15, xmm15, 0xa
;;             0047  vandnps xmm1, xmm15, xmm14
;;   0x4e    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x50    f32x4.max                     [v128:xmm1]
;;             004c  movdqu xmm0, [rbp+0x20]
;;             0052  vmaxps xmm15, xmm0, xmm1
;;             0057  vmaxps xmm14, xmm1, xmm0
;;             005c  vxorps xmm15, xmm15, xmm14
;;             0061  vorps xmm14, xmm14, xmm15
;;             0066  vsubps xmm14, xmm14, xmm15
;;             006b  vcmpunordps xmm15, xmm14, xmm14
;;             0071  vpsrld xmm15, xmm15, 0xa
;;             0077  vandnps xmm1, xmm15, xmm14
;;   0x53    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x55    f32x4.pmin                    [v128:xmm1]
;;             007c  movdqu xmm0, [rbp+0x20]
;;             0082  vminps xmm1, xmm0, xmm1
;;   0x58    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x5a    f32x4.pmax                    [v128:xmm1]
;;             0087  movdqu xmm0, [rbp+0x20]
;;             008d  vmaxps xmm1, xmm0, xmm1
;;   0x5d    end                           (returned)
;;             0092  movaps xmm0, xmm1
;;             0096  mov rsp, rbp
;;             0099  pop rbp
;;             009a  ret
;;           out-of-line stubs
;;             009b  ud2  ; trap: call stack exhausted
;;
;; func 2 $f32x4_round (param v128) (result v128): 68 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x42
;;   0x60    local.get 0                   [v128:local 0]
;;   0x62    f32x4.ceil                    [v128:xmm0]
;;             001b  movdqu xmm0, [rbp+0x10]
;;             0021  roundps xmm0, xmm0, 2
;;   0x64    f32x4.floor                   [v128:xmm0]
;;             0028  roundps xmm0, xmm0, 1
;;   0x66    f32x4.trunc                   [v128:xmm0]
;;             002f  roundps xmm0, xmm0, 3
;;   0x68    f32x4.nearest                 [v128:xmm0]
;;             0036  roundps xmm0, xmm0, 0
;;   0x6a    end                           (returned)
;;             003d  mov rsp, rbp
;;             0040  pop rbp
;;             0041  ret
;;           out-of-line stubs
;;             0042  ud2  ; trap: call stack exhausted
;;
;; func 3 $f64x2 (param v128 v128) (result v128): 125 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x7b
;;   0x6d    local.get 0                   [v128:local 0]
;;   0x6f    local.get 1                   [v128:local 0, v128:local 1]
;;   0x71    f64x2.add                     [v128:xmm1]
;;             001b  movdqu xmm0, [rbp+0x20]
;;             0021  movdqu xmm1, [rbp+0x10]
;;             0027  vaddpd xmm1, xmm1, xmm0
;;   0x74    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x76    f64x2.sub                     [v128:xmm1]
;;             002c  movdqu xmm0, [rbp+0x20]
;;             0032  vsubpd xmm1, xmm1, xmm0
;;   0x79    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x7b    f64x2.mul                     [v128:xmm1]
;;             0037  movdqu xmm0, [rbp+0x20]
;;             003d  vmulpd xmm1, xmm1, xmm0
;;   0x7e    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x80    f64x2.div                     [v128:xmm1]
;;             0042  movdqu xmm0, [rbp+0x20]
;;             0048  vdivpd xmm1, xmm1, xmm0
;;   0x83    f64x2.abs                     [v128:xmm1]
;;             004d  pcmpeqd xmm15, xmm15
;;             0052  psrlq xmm15, 1
;;             0058  vandpd xmm1, xmm1, xmm15
;;   0x86    f64x2.neg                     [v128:xmm1]
;;             005d  pcmpeqd xmm15, xmm15
;;             0062  psllq xmm15, 0x3f
;;             0068  vxorpd xmm1, xmm1, xmm15
;;   0x89    f64x2.sqrt                    [v128:xmm1]
;;             006d  sqrtpd xmm1, xmm1
;;   0x8c    end                           (returned)
;;             0072  movaps xmm0, xmm1
;;             0076  mov rsp, rbp
;;             0079  pop rbp
;;             007a  ret
;;           out-of-line stubs
;;             007b  ud2  ; trap: call stack exhausted
;;
;; func 4 $f64x2_min_max (param v128 v128) (result v128): 157 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x9b
;;   0x8f    local.get 0                   [v128:local 0]
;;   0x91    local.get 1                   [v128:local 0, v128:local 1]
;;   0x93    f64x2.min                     [v128:xmm1]
;;             001b  movdqu xmm0, [rbp+0x20]
;;             0021  movdqu xmm1, [rbp+0x10]
;;             0027  vminpd xmm15, xmm0, xmm1
;;             002c  vminpd xmm14, xmm1, xmm0
;;             0031  vorpd xmm14, xmm14, xmm15
;;             0036  vcmpunordpd xmm15, xmm15, xmm14
;;             003c  vorpd xmm14, xmm14, xmm15
;;             0041  vpsrlq xmm15, xmm15, 0xd
;;             0047  vandnpd xmm1, xmm15, xmm14
;;   0x96    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x98    f64x2.max                     [v128:xmm1]
;;             004c  movdqu xmm0, [rbp+0x20]
;;             0052  vmaxpd xmm15, xmm0, xmm1
;;             0057  vmaxpd xmm14, xmm1, xmm0
;;             005c  vxorpd xmm15, xmm15, xmm14
;;             0061  vorpd xmm14, xmm14, xmm15
;;             0066  vsubpd xmm14, xmm14, xmm15
;;             006b  vcmpunordpd xmm15, xmm14, xmm14
;;             0071  vpsrlq xmm15, xmm15, 0xd
;;             0077  vandnpd xmm1, xmm15, xmm14
;;   0x9b    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x9d    f64x2.pmin                    [v128:xmm1]
;;             007c  movdqu xmm0, [rbp+0x20]
;;             0082  vminpd xmm1, xmm0, xmm1
;;   0xa0    local.get 1                   [v128:xmm1, v128:local 1]
;;   0xa2    f64x2.pmax                    [v128:xmm1]
;;             0087  movdqu xmm0, [rbp+0x20]
;;             008d  vmaxpd xmm1, xmm0, xmm1
;;   0xa5    end                           (returned)
;;             0092  movaps xmm0, xmm1
;;             0096  mov rsp, rbp
;;             0099  pop rbp
;;             009a  ret
;;           out-of-line stubs
;;             009b  ud2  ; trap: call stack exhausted
;;
;; func 5 $f64x2_round (param v128) (result v128): 68 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x42
;;   0xa8    local.get 0                   [v128:local 0]
;;   0xaa    f64x2.ceil                    [v128:xmm0]
;;             001b  movdqu xmm0, [rbp+0x10]
;;             0021  roundpd xmm0, xmm0, 2
;;   0xac    f64x2.floor                   [v128:xmm0]
;;             0028  roundpd xmm0, xmm0, 1
;;   0xae    f64x2.trunc                   [v128:xmm0]
;;             002f  roundpd xmm0, xmm0, 3
;;   0xb0    f64x2.nearest                 [v128:xmm0]
;;             0036  roundpd xmm0, xmm0, 0
;;   0xb3    end                           (returned)
;;             003d  mov rsp, rbp
;;             0040  pop rbp
;;             0041  ret
;;           out-of-line stubs
;;             0042  ud2  ; trap: call stack exhausted

;; ==== expected x86_64:min ====
;; func 0 $f32x4 (param v128 v128) (result v128): 118 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x74
;;   0x25    local.get 0                   [v128:local 0]
;;   0x27    local.get 1                   [v128:local 0, v128:local 1]
;;   0x29    f32x4.add                     [v128:xmm1]
;;             001b  movdqu xmm0, [rbp+0x20]
;;             0021  movdqu xmm1, [rbp+0x10]
;;             0027  addps xmm1, xmm0
;;   0x2c    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x2e    f32x4.sub                     [v128:xmm1]
;;             002b  movdqu xmm0, [rbp+0x20]
;;             0031  subps xmm1, xmm0
;;   0x31    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x33    f32x4.mul                     [v128:xmm1]
;;             0035  movdqu xmm0, [rbp+0x20]
;;             003b  mulps xmm1, xmm0
;;   0x36    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x38    f32x4.div                     [v128:xmm1]
;;             003f  movdqu xmm0, [rbp+0x20]
;;             0045  divps xmm1, xmm0
;;   0x3b    f32x4.abs                     [v128:xmm1]
;;             0049  pcmpeqd xmm15, xmm15
;;             004e  psrld xmm15, 1
;;             0054  andps xmm1, xmm15
;;   0x3e    f32x4.neg                     [v128:xmm1]
;;             0058  pcmpeqd xmm15, xmm15
;;             005d  pslld xmm15, 0x1f
;;             0063  xorps xmm1, xmm15
;;   0x41    f32x4.sqrt                    [v128:xmm1]
;;             0067  sqrtps xmm1, xmm1
;;   0x44    end                           (returned)
;;             006b  movaps xmm0, xmm1
;;             006f  mov rsp, rbp
;;             0072  pop rbp
;;             0073  ret
;;           out-of-line stubs
;;             0074  ud2  ; trap: call stack exhausted
;;
;; func 1 $f32x4_min_max (param v128 v128) (result v128): 170 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0xa8
;;   0x47    local.get 0                   [v128:local 0]
;;   0x49    local.get 1                   [v128:local 0, v128:local 1]
;;   0x4b    f32x4.min                     [v128:xmm1]
;;             001b  movdqu xmm0, [rbp+0x20]
;;             0021  movdqu xmm1, [rbp+0x10]
;;             0027  movaps xmm15, xmm0
;;             002b  minps xmm15, xmm1
;;             002f  minps xmm1, xmm0
;;             0033  orps xmm15, xmm1
;;             0037  cmpunordps xmm1, xmm15
;;             003c  orps xmm15, xmm1
;;             0040  psrld xmm1, 0xa
;;             0046  andnps xmm1, xmm15
;;   0x4e    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x50    f32x4.max                     [v128:xmm1]
;;             004a  movdqu xmm0, [rbp+0x20]
;;             0050  movaps xmm15, xmm0
;;             0054  maxps xmm15, xmm1
;;             0058  maxps xmm1, xmm0
;;             005c  xorps xmm15, xmm1
;;             0060  orps xmm1, xmm15
;;             0064  subps xmm1, xmm15
;;             0068  cmpunordps xmm15, xmm1
;;             006d  psrld xmm15, 0xa
;;             0073  andnps xmm15, xmm1
;;             0077  movaps xmm1, xmm15
;;   0x53    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x55    f32x4.pmin                    [v128:xmm1]
;;             007b  movdqu xmm0, [rbp+0x20]
;;             0081  movaps xmm15, xmm0
;;             0085  minps xmm15, xmm1
;;             0089  movaps xmm1, xmm15
;;   0x58    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x5a    f32x4.pmax                    [v128:xmm1]
;;             008d  movdqu xmm0, [rbp+0x20]
;;             0093  movaps xmm15, xmm0
;;             0097  maxps xmm15, xmm1
;;             009b  movaps xmm1, xmm15
;;   0x5d    end                           (returned)
;;             009f  movaps xmm0, xmm1
;;             00a3  mov rsp, rbp
;;             00a6  pop rbp
;;             00a7  ret
;;           out-of-line stubs
;;             00a8  ud2  ; trap: call stack exhausted
;;
;; func 2 $f32x4_round (param v128) (result v128): 68 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x42
;;   0x60    local.get 0                   [v128:local 0]
;;   0x62    f32x4.ceil                    [v128:xmm0]
;;             001b  movdqu xmm0, [rbp+0x10]
;;             0021  roundps xmm0, xmm0, 2
;;   0x64    f32x4.floor                   [v128:xmm0]
;;             0028  roundps xmm0, xmm0, 1
;;   0x66    f32x4.trunc                   [v128:xmm0]
;;             002f  roundps xmm0, xmm0, 3
;;   0x68    f32x4.nearest                 [v128:xmm0]
;;             0036  roundps xmm0, xmm0, 0
;;   0x6a    end                           (returned)
;;             003d  mov rsp, rbp
;;             0040  pop rbp
;;             0041  ret
;;           out-of-line stubs
;;             0042  ud2  ; trap: call stack exhausted
;;
;; func 3 $f64x2 (param v128 v128) (result v128): 125 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x7b
;;   0x6d    local.get 0                   [v128:local 0]
;;   0x6f    local.get 1                   [v128:local 0, v128:local 1]
;;   0x71    f64x2.add                     [v128:xmm1]
;;             001b  movdqu xmm0, [rbp+0x20]
;;             0021  movdqu xmm1, [rbp+0x10]
;;             0027  addpd xmm1, xmm0
;;   0x74    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x76    f64x2.sub                     [v128:xmm1]
;;             002c  movdqu xmm0, [rbp+0x20]
;;             0032  subpd xmm1, xmm0
;;   0x79    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x7b    f64x2.mul                     [v128:xmm1]
;;             0037  movdqu xmm0, [rbp+0x20]
;;             003d  mulpd xmm1, xmm0
;;   0x7e    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x80    f64x2.div                     [v128:xmm1]
;;             0042  movdqu xmm0, [rbp+0x20]
;;             0048  divpd xmm1, xmm0
;;   0x83    f64x2.abs                     [v128:xmm1]
;;             004d  pcmpeqd xmm15, xmm15
;;             0052  psrlq xmm15, 1
;;             0058  andpd xmm1, xmm15
;;   0x86    f64x2.neg                     [v128:xmm1]
;;             005d  pcmpeqd xmm15, xmm15
;;             0062  psllq xmm15, 0x3f
;;             0068  xorpd xmm1, xmm15
;;   0x89    f64x2.sqrt                    [v128:xmm1]
;;             006d  sqrtpd xmm1, xmm1
;;   0x8c    end                           (returned)
;;             0072  movaps xmm0, xmm1
;;             0076  mov rsp, rbp
;;             0079  pop rbp
;;             007a  ret
;;           out-of-line stubs
;;             007b  ud2  ; trap: call stack exhausted
;;
;; func 4 $f64x2_min_max (param v128 v128) (result v128): 185 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0xb7
;;   0x8f    local.get 0                   [v128:local 0]
;;   0x91    local.get 1                   [v128:local 0, v128:local 1]
;;   0x93    f64x2.min                     [v128:xmm1]
;;             001b  movdqu xmm0, [rbp+0x20]
;;             0021  movdqu xmm1, [rbp+0x10]
;;             0027  movaps xmm15, xmm0
;;             002b  minpd xmm15, xmm1
;;             0030  minpd xmm1, xmm0
;;             0035  orpd xmm15, xmm1
;;             003a  cmpunordpd xmm1, xmm15
;;             0040  orpd xmm15, xmm1
;;             0045  psrlq xmm1, 0xd
;;             004b  andnpd xmm1, xmm15
;;   0x96    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x98    f64x2.max                     [v128:xmm1]
;;             0050  movdqu xmm0, [rbp+0x20]
;;             0056  movaps xmm15, xmm0
;;             005a  maxpd xmm15, xmm1
;;             005f  maxpd xmm1, xmm0
;;             0064  xorpd xmm15, xmm1
;;             0069  orpd xmm1, xmm15
;;             006e  subpd xmm1, xmm15
;;             0073  cmpunordpd xmm15, xmm1
;;             0079  psrlq xmm15, 0xd
;;             007f  andnpd xmm15, xmm1
;;             0084  movaps xmm1, xmm15
;;   0x9b    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x9d    f64x2.pmin                    [v128:xmm1]
;;             0088  movdqu xmm0, [rbp+0x20]
;;             008e  movaps xmm15, xmm0
;;             0092  minpd xmm15, xmm1
;;             0097  movaps xmm1, xmm15
;;   0xa0    local.get 1                   [v128:xmm1, v128:local 1]
;;   0xa2    f64x2.pmax                    [v128:xmm1]
;;             009b  movdqu xmm0, [rbp+0x20]
;;             00a1  movaps xmm15, xmm0
;;             00a5  maxpd xmm15, xmm1
;;             00aa  movaps xmm1, xmm15
;;   0xa5    end                           (returned)
;;             00ae  movaps xmm0, xmm1
;;             00b2  mov rsp, rbp
;;             00b5  pop rbp
;;             00b6  ret
;;           out-of-line stubs
;;             00b7  ud2  ; trap: call stack exhausted
;;
;; func 5 $f64x2_round (param v128) (result v128): 68 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x42
;;   0xa8    local.get 0                   [v128:local 0]
;;   0xaa    f64x2.ceil                    [v128:xmm0]
;;             001b  movdqu xmm0, [rbp+0x10]
;;             0021  roundpd xmm0, xmm0, 2
;;   0xac    f64x2.floor                   [v128:xmm0]
;;             0028  roundpd xmm0, xmm0, 1
;;   0xae    f64x2.trunc                   [v128:xmm0]
;;             002f  roundpd xmm0, xmm0, 3
;;   0xb0    f64x2.nearest                 [v128:xmm0]
;;             0036  roundpd xmm0, xmm0, 0
;;   0xb3    end                           (returned)
;;             003d  mov rsp, rbp
;;             0040  pop rbp
;;             0041  ret
;;           out-of-line stubs
;;             0042  ud2  ; trap: call stack exhausted

;; ==== expected aarch64 ====
;; func 0 $f32x4 (param v128 v128) (result v128): 108 bytes of aarch64
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
;;             0024  b.lo 0x68
;;   0x25    local.get 0                   [v128:local 0]
;;   0x27    local.get 1                   [v128:local 0, v128:local 1]
;;   0x29    f32x4.add                     [v128:q1]
;;             0028  ldr q0, [x29, #0x20]
;;             002c  ldr q1, [x29, #0x10]
;;             0030  fadd v1.4s, v1.4s, v0.4s
;;   0x2c    local.get 1                   [v128:q1, v128:local 1]
;;   0x2e    f32x4.sub                     [v128:q1]
;;             0034  ldr q0, [x29, #0x20]
;;             0038  fsub v1.4s, v1.4s, v0.4s
;;   0x31    local.get 1                   [v128:q1, v128:local 1]
;;   0x33    f32x4.mul                     [v128:q1]
;;             003c  ldr q0, [x29, #0x20]
;;             0040  fmul v1.4s, v1.4s, v0.4s
;;   0x36    local.get 1                   [v128:q1, v128:local 1]
;;   0x38    f32x4.div                     [v128:q1]
;;             0044  ldr q0, [x29, #0x20]
;;             0048  fdiv v1.4s, v1.4s, v0.4s
;;   0x3b    f32x4.abs                     [v128:q1]
;;             004c  fabs v1.4s, v1.4s
;;   0x3e    f32x4.neg                     [v128:q1]
;;             0050  fneg v1.4s, v1.4s
;;   0x41    f32x4.sqrt                    [v128:q1]
;;             0054  fsqrt v1.4s, v1.4s
;;   0x44    end                           (returned)
;;             0058  mov v0.16b, v1.16b
;;             005c  mov sp, x29
;;             0060  ldp x29, x30, [sp], #0x10
;;             0064  ret
;;           out-of-line stubs
;;             0068  udf #0x0  ; trap: call stack exhausted
;;
;; func 1 $f32x4_min_max (param v128 v128) (result v128): 104 bytes of aarch64
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
;;             0024  b.lo 0x64
;;   0x47    local.get 0                   [v128:local 0]
;;   0x49    local.get 1                   [v128:local 0, v128:local 1]
;;   0x4b    f32x4.min                     [v128:q1]
;;             0028  ldr q0, [x29, #0x20]
;;             002c  ldr q1, [x29, #0x10]
;;             0030  fmin v1.4s, v1.4s, v0.4s
;;   0x4e    local.get 1                   [v128:q1, v128:local 1]
;;   0x50    f32x4.max                     [v128:q1]
;;             0034  ldr q0, [x29, #0x20]
;;             0038  fmax v1.4s, v1.4s, v0.4s
;;   0x53    local.get 1                   [v128:q1, v128:local 1]
;;   0x55    f32x4.pmin                    [v128:q1]
;;             003c  ldr q0, [x29, #0x20]
;;             0040  fcmgt v31.4s, v1.4s, v0.4s
;;             0044  bit v1.16b, v0.16b, v31.16b
;;   0x58    local.get 1                   [v128:q1, v128:local 1]
;;   0x5a    f32x4.pmax                    [v128:q1]
;;             0048  ldr q0, [x29, #0x20]
;;             004c  fcmgt v31.4s, v0.4s, v1.4s
;;             0050  bit v1.16b, v0.16b, v31.16b
;;   0x5d    end                           (returned)
;;             0054  mov v0.16b, v1.16b
;;             0058  mov sp, x29
;;             005c  ldp x29, x30, [sp], #0x10
;;             0060  ret
;;           out-of-line stubs
;;             0064  udf #0x0  ; trap: call stack exhausted
;;
;; func 2 $f32x4_round (param v128) (result v128): 76 bytes of aarch64
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
;;   0x60    local.get 0                   [v128:local 0]
;;   0x62    f32x4.ceil                    [v128:q0]
;;             0028  ldr q0, [x29, #0x10]
;;             002c  frintp v0.4s, v0.4s
;;   0x64    f32x4.floor                   [v128:q0]
;;             0030  frintm v0.4s, v0.4s
;;   0x66    f32x4.trunc                   [v128:q0]
;;             0034  frintz v0.4s, v0.4s
;;   0x68    f32x4.nearest                 [v128:q0]
;;             0038  frintn v0.4s, v0.4s
;;   0x6a    end                           (returned)
;;             003c  mov sp, x29
;;             0040  ldp x29, x30, [sp], #0x10
;;             0044  ret
;;           out-of-line stubs
;;             0048  udf #0x0  ; trap: call stack exhausted
;;
;; func 3 $f64x2 (param v128 v128) (result v128): 108 bytes of aarch64
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
;;             0024  b.lo 0x68
;;   0x6d    local.get 0                   [v128:local 0]
;;   0x6f    local.get 1                   [v128:local 0, v128:local 1]
;;   0x71    f64x2.add                     [v128:q1]
;;             0028  ldr q0, [x29, #0x20]
;;             002c  ldr q1, [x29, #0x10]
;;             0030  fadd v1.2d, v1.2d, v0.2d
;;   0x74    local.get 1                   [v128:q1, v128:local 1]
;;   0x76    f64x2.sub                     [v128:q1]
;;             0034  ldr q0, [x29, #0x20]
;;             0038  fsub v1.2d, v1.2d, v0.2d
;;   0x79    local.get 1                   [v128:q1, v128:local 1]
;;   0x7b    f64x2.mul                     [v128:q1]
;;             003c  ldr q0, [x29, #0x20]
;;             0040  fmul v1.2d, v1.2d, v0.2d
;;   0x7e    local.get 1                   [v128:q1, v128:local 1]
;;   0x80    f64x2.div                     [v128:q1]
;;             0044  ldr q0, [x29, #0x20]
;;             0048  fdiv v1.2d, v1.2d, v0.2d
;;   0x83    f64x2.abs                     [v128:q1]
;;             004c  fabs v1.2d, v1.2d
;;   0x86    f64x2.neg                     [v128:q1]
;;             0050  fneg v1.2d, v1.2d
;;   0x89    f64x2.sqrt                    [v128:q1]
;;             0054  fsqrt v1.2d, v1.2d
;;   0x8c    end                           (returned)
;;             0058  mov v0.16b, v1.16b
;;             005c  mov sp, x29
;;             0060  ldp x29, x30, [sp], #0x10
;;             0064  ret
;;           out-of-line stubs
;;             0068  udf #0x0  ; trap: call stack exhausted
;;
;; func 4 $f64x2_min_max (param v128 v128) (result v128): 104 bytes of aarch64
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
;;             0024  b.lo 0x64
;;   0x8f    local.get 0                   [v128:local 0]
;;   0x91    local.get 1                   [v128:local 0, v128:local 1]
;;   0x93    f64x2.min                     [v128:q1]
;;             0028  ldr q0, [x29, #0x20]
;;             002c  ldr q1, [x29, #0x10]
;;             0030  fmin v1.2d, v1.2d, v0.2d
;;   0x96    local.get 1                   [v128:q1, v128:local 1]
;;   0x98    f64x2.max                     [v128:q1]
;;             0034  ldr q0, [x29, #0x20]
;;             0038  fmax v1.2d, v1.2d, v0.2d
;;   0x9b    local.get 1                   [v128:q1, v128:local 1]
;;   0x9d    f64x2.pmin                    [v128:q1]
;;             003c  ldr q0, [x29, #0x20]
;;             0040  fcmgt v31.2d, v1.2d, v0.2d
;;             0044  bit v1.16b, v0.16b, v31.16b
;;   0xa0    local.get 1                   [v128:q1, v128:local 1]
;;   0xa2    f64x2.pmax                    [v128:q1]
;;             0048  ldr q0, [x29, #0x20]
;;             004c  fcmgt v31.2d, v0.2d, v1.2d
;;             0050  bit v1.16b, v0.16b, v31.16b
;;   0xa5    end                           (returned)
;;             0054  mov v0.16b, v1.16b
;;             0058  mov sp, x29
;;             005c  ldp x29, x30, [sp], #0x10
;;             0060  ret
;;           out-of-line stubs
;;             0064  udf #0x0  ; trap: call stack exhausted
;;
;; func 5 $f64x2_round (param v128) (result v128): 76 bytes of aarch64
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
;;   0xa8    local.get 0                   [v128:local 0]
;;   0xaa    f64x2.ceil                    [v128:q0]
;;             0028  ldr q0, [x29, #0x10]
;;             002c  frintp v0.2d, v0.2d
;;   0xac    f64x2.floor                   [v128:q0]
;;             0030  frintm v0.2d, v0.2d
;;   0xae    f64x2.trunc                   [v128:q0]
;;             0034  frintz v0.2d, v0.2d
;;   0xb0    f64x2.nearest                 [v128:q0]
;;             0038  frintn v0.2d, v0.2d
;;   0xb3    end                           (returned)
;;             003c  mov sp, x29
;;             0040  ldp x29, x30, [sp], #0x10
;;             0044  ret
;;           out-of-line stubs
;;             0048  udf #0x0  ; trap: call stack exhausted
