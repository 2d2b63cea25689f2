;; targets: x86_64 x86_64:min aarch64
;;
;; Integer lane comparisons, each lane all ones or all zeros, one
;; function per lane shape. x86-64 has only eq and signed gt; lt swaps
;; the operands, le/ge and the unsigned orders compare with a min or max,
;; and ne (and i64 le/ge) invert with an all-ones xor. NEON has eq, gt
;; and ge, signed and unsigned: lt and le swap the operands, ne inverts
;; eq.

(module
  (func $i8x16 (param v128 v128) (result v128)
    (i8x16.eq (local.get 0) (local.get 1))
    (i8x16.ne (local.get 1))
    (i8x16.lt_s (local.get 1))
    (i8x16.lt_u (local.get 1))
    (i8x16.gt_s (local.get 1))
    (i8x16.gt_u (local.get 1))
    (i8x16.le_s (local.get 1))
    (i8x16.le_u (local.get 1))
    (i8x16.ge_s (local.get 1))
    (i8x16.ge_u (local.get 1)))
  (func $i16x8 (param v128 v128) (result v128)
    (i16x8.eq (local.get 0) (local.get 1))
    (i16x8.ne (local.get 1))
    (i16x8.lt_s (local.get 1))
    (i16x8.lt_u (local.get 1))
    (i16x8.gt_s (local.get 1))
    (i16x8.gt_u (local.get 1))
    (i16x8.le_s (local.get 1))
    (i16x8.le_u (local.get 1))
    (i16x8.ge_s (local.get 1))
    (i16x8.ge_u (local.get 1)))
  (func $i32x4 (param v128 v128) (result v128)
    (i32x4.eq (local.get 0) (local.get 1))
    (i32x4.ne (local.get 1))
    (i32x4.lt_s (local.get 1))
    (i32x4.lt_u (local.get 1))
    (i32x4.gt_s (local.get 1))
    (i32x4.gt_u (local.get 1))
    (i32x4.le_s (local.get 1))
    (i32x4.le_u (local.get 1))
    (i32x4.ge_s (local.get 1))
    (i32x4.ge_u (local.get 1)))
  (func $i64x2 (param v128 v128) (result v128)
    (i64x2.eq (local.get 0) (local.get 1))
    (i64x2.ne (local.get 1))
    (i64x2.lt_s (local.get 1))
    (i64x2.gt_s (local.get 1))
    (i64x2.le_s (local.get 1))
    (i64x2.ge_s (local.get 1))))

;; ==== expected x86_64 ====
;; func 0 $i8x16 (param v128 v128) (result v128): 251 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0016  cmp rsp, [rax]
;;             0019  jb 0xf9
;;   0x1e    local.get 0                   [v128:local 0]
;;   0x20    local.get 1                   [v128:local 0, v128:local 1]
;;   0x22    i8x16.eq                      [v128:xmm1]
;;             001f  movdqu xmm0, [rbp+0x20]
;;             0028  movdqu xmm1, [rbp+0x10]
;;             0031  vpcmpeqb xmm1, xmm1, xmm0
;;   0x24    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x26    i8x16.ne                      [v128:xmm1]
;;             0036  movdqu xmm0, [rbp+0x20]
;;             003f  vpcmpeqb xmm1, xmm1, xmm0
;;             0044  pcmpeqd xmm14, xmm14
;;             0049  pxor xmm1, xmm14
;;   0x28    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x2a    i8x16.lt_s                    [v128:xmm1]
;;             004e  movdqu xmm0, [rbp+0x20]
;;             0057  vpcmpgtb xmm1, xmm0, xmm1
;;   0x2c    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x2e    i8x16.lt_u                    [v128:xmm1]
;;             005c  movdqu xmm0, [rbp+0x20]
;;             0065  vpmaxub xmm15, xmm1, xmm0
;;             006a  vpcmpeqb xmm1, xmm15, xmm1
;;             006f  pcmpeqd xmm14, xmm14
;;             0074  pxor xmm1, xmm14
;;   0x30    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x32    i8x16.gt_s                    [v128:xmm1]
;;             0079  movdqu xmm0, [rbp+0x20]
;;             0082  vpcmpgtb xmm1, xmm1, xmm0
;;   0x34    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x36    i8x16.gt_u                    [v128:xmm1]
;;             0087  movdqu xmm0, [rbp+0x20]
;;             0090  vpminub xmm15, xmm1, xmm0
;;             0095  vpcmpeqb xmm1, xmm15, xmm1
;;             009a  pcmpeqd xmm14, xmm14
;;             009f  pxor xmm1, xmm14
;;   0x38    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x3a    i8x16.le_s                    [v128:xmm1]
;;             00a4  movdqu xmm0, [rbp+0x20]
;;             00ad  vpminsb xmm15, xmm1, xmm0
;;             00b2  vpcmpeqb xmm1, xmm15, xmm1
;;   0x3c    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x3e    i8x16.le_u                    [v128:xmm1]
;;             00b7  movdqu xmm0, [rbp+0x20]
;;             00c0  vpminub xmm15, xmm1, xmm0
;;             00c5  vpcmpeqb xmm1, xmm15, xmm1
;;   0x40    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x42    i8x16.ge_s                    [v128:xmm1]
;;             00ca  movdqu xmm0, [rbp+0x20]
;;             00d3  vpmaxsb xmm15, xmm1, xmm0
;;             00d8  vpcmpeqb xmm1, xmm15, xmm1
;;   0x44    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x46    i8x16.ge_u                    [v128:xmm1]
;;             00dd  movdqu xmm0, [rbp+0x20]
;;             00e6  vpmaxub xmm15, xmm1, xmm0
;;             00eb  vpcmpeqb xmm1, xmm15, xmm1
;;   0x48    end                           (returned)
;;             00f0  movaps xmm0, xmm1
;;             00f4  mov rsp, rbp
;;             00f7  pop rbp
;;             00f8  ret
;;           out-of-line stubs
;;             00f9  ud2  ; trap: call stack exhausted
;;
;; func 1 $i16x8 (param v128 v128) (result v128): 251 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0016  cmp rsp, [rax]
;;             0019  jb 0xf9
;;   0x4b    local.get 0                   [v128:local 0]
;;   0x4d    local.get 1                   [v128:local 0, v128:local 1]
;;   0x4f    i16x8.eq                      [v128:xmm1]
;;             001f  movdqu xmm0, [rbp+0x20]
;;             0028  movdqu xmm1, [rbp+0x10]
;;             0031  vpcmpeqw xmm1, xmm1, xmm0
;;   0x51    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x53    i16x8.ne                      [v128:xmm1]
;;             0036  movdqu xmm0, [rbp+0x20]
;;             003f  vpcmpeqw xmm1, xmm1, xmm0
;;             0044  pcmpeqd xmm14, xmm14
;;             0049  pxor xmm1, xmm14
;;   0x55    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x57    i16x8.lt_s                    [v128:xmm1]
;;             004e  movdqu xmm0, [rbp+0x20]
;;             0057  vpcmpgtw xmm1, xmm0, xmm1
;;   0x59    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x5b    i16x8.lt_u                    [v128:xmm1]
;;             005c  movdqu xmm0, [rbp+0x20]
;;             0065  vpmaxuw xmm15, xmm1, xmm0
;;             006a  vpcmpeqw xmm1, xmm15, xmm1
;;             006f  pcmpeqd xmm14, xmm14
;;             0074  pxor xmm1, xmm14
;;   0x5d    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x5f    i16x8.gt_s                    [v128:xmm1]
;;             0079  movdqu xmm0, [rbp+0x20]
;;             0082  vpcmpgtw xmm1, xmm1, xmm0
;;   0x61    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x63    i16x8.gt_u                    [v128:xmm1]
;;             0087  movdqu xmm0, [rbp+0x20]
;;             0090  vpminuw xmm15, xmm1, xmm0
;;             0095  vpcmpeqw xmm1, xmm15, xmm1
;;             009a  pcmpeqd xmm14, xmm14
;;             009f  pxor xmm1, xmm14
;;   0x65    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x67    i16x8.le_s                    [v128:xmm1]
;;             00a4  movdqu xmm0, [rbp+0x20]
;;             00ad  vpminsw xmm15, xmm1, xmm0
;;             00b2  vpcmpeqw xmm1, xmm15, xmm1
;;   0x69    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x6b    i16x8.le_u                    [v128:xmm1]
;;             00b7  movdqu xmm0, [rbp+0x20]
;;             00c0  vpminuw xmm15, xmm1, xmm0
;;             00c5  vpcmpeqw xmm1, xmm15, xmm1
;;   0x6d    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x6f    i16x8.ge_s                    [v128:xmm1]
;;             00ca  movdqu xmm0, [rbp+0x20]
;;             00d3  vpmaxsw xmm15, xmm1, xmm0
;;             00d8  vpcmpeqw xmm1, xmm15, xmm1
;;   0x71    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x73    i16x8.ge_u                    [v128:xmm1]
;;             00dd  movdqu xmm0, [rbp+0x20]
;;             00e6  vpmaxuw xmm15, xmm1, xmm0
;;             00eb  vpcmpeqw xmm1, xmm15, xmm1
;;   0x75    end                           (returned)
;;             00f0  movaps xmm0, xmm1
;;             00f4  mov rsp, rbp
;;             00f7  pop rbp
;;             00f8  ret
;;           out-of-line stubs
;;             00f9  ud2  ; trap: call stack exhausted
;;
;; func 2 $i32x4 (param v128 v128) (result v128): 251 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0016  cmp rsp, [rax]
;;             0019  jb 0xf9
;;   0x78    local.get 0                   [v128:local 0]
;;   0x7a    local.get 1                   [v128:local 0, v128:local 1]
;;   0x7c    i32x4.eq                      [v128:xmm1]
;;             001f  movdqu xmm0, [rbp+0x20]
;;             0028  movdqu xmm1, [rbp+0x10]
;;             0031  vpcmpeqd xmm1, xmm1, xmm0
;;   0x7e    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x80    i32x4.ne                      [v128:xmm1]
;;             0036  movdqu xmm0, [rbp+0x20]
;;             003f  vpcmpeqd xmm1, xmm1, xmm0
;;             0044  pcmpeqd xmm14, xmm14
;;             0049  pxor xmm1, xmm14
;;   0x82    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x84    i32x4.lt_s                    [v128:xmm1]
;;             004e  movdqu xmm0, [rbp+0x20]
;;             0057  vpcmpgtd xmm1, xmm0, xmm1
;;   0x86    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x88    i32x4.lt_u                    [v128:xmm1]
;;             005c  movdqu xmm0, [rbp+0x20]
;;             0065  vpmaxud xmm15, xmm1, xmm0
;;             006a  vpcmpeqd xmm1, xmm15, xmm1
;;             006f  pcmpeqd xmm14, xmm14
;;             0074  pxor xmm1, xmm14
;;   0x8a    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x8c    i32x4.gt_s                    [v128:xmm1]
;;             0079  movdqu xmm0, [rbp+0x20]
;;             0082  vpcmpgtd xmm1, xmm1, xmm0
;;   0x8e    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x90    i32x4.gt_u                    [v128:xmm1]
;;             0087  movdqu xmm0, [rbp+0x20]
;;             0090  vpminud xmm15, xmm1, xmm0
;;             0095  vpcmpeqd xmm1, xmm15, xmm1
;;             009a  pcmpeqd xmm14, xmm14
;;             009f  pxor xmm1, xmm14
;;   0x92    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x94    i32x4.le_s                    [v128:xmm1]
;;             00a4  movdqu xmm0, [rbp+0x20]
;;             00ad  vpminsd xmm15, xmm1, xmm0
;;             00b2  vpcmpeqd xmm1, xmm15, xmm1
;;   0x96    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x98    i32x4.le_u                    [v128:xmm1]
;;             00b7  movdqu xmm0, [rbp+0x20]
;;             00c0  vpminud xmm15, xmm1, xmm0
;;             00c5  vpcmpeqd xmm1, xmm15, xmm1
;;   0x9a    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x9c    i32x4.ge_s                    [v128:xmm1]
;;             00ca  movdqu xmm0, [rbp+0x20]
;;             00d3  vpmaxsd xmm15, xmm1, xmm0
;;             00d8  vpcmpeqd xmm1, xmm15, xmm1
;;   0x9e    local.get 1                   [v128:xmm1, v128:local 1]
;;   0xa0    i32x4.ge_u                    [v128:xmm1]
;;             00dd  movdqu xmm0, [rbp+0x20]
;;             00e6  vpmaxud xmm15, xmm1, xmm0
;;             00eb  vpcmpeqd xmm1, xmm15, xmm1
;;   0xa2    end                           (returned)
;;             00f0  movaps xmm0, xmm1
;;             00f4  mov rsp, rbp
;;             00f7  pop rbp
;;             00f8  ret
;;           out-of-line stubs
;;             00f9  ud2  ; trap: call stack exhausted
;;
;; func 3 $i64x2 (param v128 v128) (result v128): 165 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0016  cmp rsp, [rax]
;;             0019  jb 0xa3
;;   0xa5    local.get 0                   [v128:local 0]
;;   0xa7    local.get 1                   [v128:local 0, v128:local 1]
;;   0xa9    i64x2.eq                      [v128:xmm1]
;;             001f  movdqu xmm0, [rbp+0x20]
;;             0028  movdqu xmm1, [rbp+0x10]
;;             0031  vpcmpeqq xmm1, xmm1, xmm0
;;   0xac    local.get 1                   [v128:xmm1, v128:local 1]
;;   0xae    i64x2.ne                      [v128:xmm1]
;;             0036  movdqu xmm0, [rbp+0x20]
;;             003f  vpcmpeqq xmm1, xmm1, xmm0
;;             0044  pcmpeqd xmm14, xmm14
;;             0049  pxor xmm1, xmm14
;;   0xb1    local.get 1                   [v128:xmm1, v128:local 1]
;;   0xb3    i64x2.lt_s                    [v128:xmm1]
;;             004e  movdqu xmm0, [rbp+0x20]
;;             0057  vpcmpgtq xmm1, xmm0, xmm1
;;   0xb6    local.get 1                   [v128:xmm1, v128:local 1]
;;   0xb8    i64x2.gt_s                    [v128:xmm1]
;;             005c  movdqu xmm0, [rbp+0x20]
;;             0065  vpcmpgtq xmm1, xmm1, xmm0
;;   0xbb    local.get 1                   [v128:xmm1, v128:local 1]
;;   0xbd    i64x2.le_s                    [v128:xmm1]
;;             006a  movdqu xmm0, [rbp+0x20]
;;             0073  vpcmpgtq xmm1, xmm1, xmm0
;;             0078  pcmpeqd xmm14, xmm14
;;             007d  pxor xmm1, xmm14
;;   0xc0    local.get 1                   [v128:xmm1, v128:local 1]
;;   0xc2    i64x2.ge_s                    [v128:xmm1]
;;             0082  movdqu xmm0, [rbp+0x20]
;;             008b  vpcmpgtq xmm1, xmm0, xmm1
;;             0090  pcmpeqd xmm14, xmm14
;;             0095  pxor xmm1, xmm14
;;   0xc5    end                           (returned)
;;             009a  movaps xmm0, xmm1
;;             009e  mov rsp, rbp
;;             00a1  pop rbp
;;             00a2  ret
;;           out-of-line stubs
;;             00a3  ud2  ; trap: call stack exhausted

;; ==== expected x86_64:min ====
;; func 0 $i8x16 (param v128 v128) (result v128): 285 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0016  cmp rsp, [rax]
;;             0019  jb 0x11b
;;   0x1e    local.get 0                   [v128:local 0]
;;   0x20    local.get 1                   [v128:local 0, v128:local 1]
;;   0x22    i8x16.eq                      [v128:xmm1]
;;             001f  movdqu xmm0, [rbp+0x20]
;;             0028  movdqu xmm1, [rbp+0x10]
;;             0031  pcmpeqb xmm1, xmm0
;;   0x24    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x26    i8x16.ne                      [v128:xmm1]
;;             0036  movdqu xmm0, [rbp+0x20]
;;             003f  pcmpeqb xmm1, xmm0
;;             0044  pcmpeqd xmm14, xmm14
;;             0049  pxor xmm1, xmm14
;;   0x28    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x2a    i8x16.lt_s                    [v128:xmm1]
;;             004e  movdqu xmm0, [rbp+0x20]
;;             0057  movaps xmm15, xmm0
;;             005b  pcmpgtb xmm15, xmm1
;;             0060  movaps xmm1, xmm15
;;   0x2c    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x2e    i8x16.lt_u                    [v128:xmm1]
;;             0064  movdqu xmm0, [rbp+0x20]
;;             006d  movaps xmm15, xmm0
;;             0071  pmaxub xmm15, xmm1
;;             0076  pcmpeqb xmm1, xmm15
;;             007b  pcmpeqd xmm14, xmm14
;;             0080  pxor xmm1, xmm14
;;   0x30    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x32    i8x16.gt_s                    [v128:xmm1]
;;             0085  movdqu xmm0, [rbp+0x20]
;;             008e  pcmpgtb xmm1, xmm0
;;   0x34    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x36    i8x16.gt_u                    [v128:xmm1]
;;             0093  movdqu xmm0, [rbp+0x20]
;;             009c  movaps xmm15, xmm0
;;             00a0  pminub xmm15, xmm1
;;             00a5  pcmpeqb xmm1, xmm15
;;             00aa  pcmpeqd xmm14, xmm14
;;             00af  pxor xmm1, xmm14
;;   0x38    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x3a    i8x16.le_s                    [v128:xmm1]
;;             00b4  movdqu xmm0, [rbp+0x20]
;;             00bd  movaps xmm15, xmm0
;;             00c1  pminsb xmm15, xmm1
;;             00c7  pcmpeqb xmm1, xmm15
;;   0x3c    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x3e    i8x16.le_u                    [v128:xmm1]
;;             00cc  movdqu xmm0, [rbp+0x20]
;;             00d5  movaps xmm15, xmm0
;;             00d9  pminub xmm15, xmm1
;;             00de  pcmpeqb xmm1, xmm15
;;   0x40    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x42    i8x16.ge_s                    [v128:xmm1]
;;             00e3  movdqu xmm0, [rbp+0x20]
;;             00ec  movaps xmm15, xmm0
;;             00f0  pmaxsb xmm15, xmm1
;;             00f6  pcmpeqb xmm1, xmm15
;;   0x44    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x46    i8x16.ge_u                    [v128:xmm1]
;;             00fb  movdqu xmm0, [rbp+0x20]
;;             0104  movaps xmm15, xmm0
;;             0108  pmaxub xmm15, xmm1
;;             010d  pcmpeqb xmm1, xmm15
;;   0x48    end                           (returned)
;;             0112  movaps xmm0, xmm1
;;             0116  mov rsp, rbp
;;             0119  pop rbp
;;             011a  ret
;;           out-of-line stubs
;;             011b  ud2  ; trap: call stack exhausted
;;
;; func 1 $i16x8 (param v128 v128) (result v128): 287 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0016  cmp rsp, [rax]
;;             0019  jb 0x11d
;;   0x4b    local.get 0                   [v128:local 0]
;;   0x4d    local.get 1                   [v128:local 0, v128:local 1]
;;   0x4f    i16x8.eq                      [v128:xmm1]
;;             001f  movdqu xmm0, [rbp+0x20]
;;             0028  movdqu xmm1, [rbp+0x10]
;;             0031  pcmpeqw xmm1, xmm0
;;   0x51    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x53    i16x8.ne                      [v128:xmm1]
;;             0036  movdqu xmm0, [rbp+0x20]
;;             003f  pcmpeqw xmm1, xmm0
;;             0044  pcmpeqd xmm14, xmm14
;;             0049  pxor xmm1, xmm14
;;   0x55    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x57    i16x8.lt_s                    [v128:xmm1]
;;             004e  movdqu xmm0, [rbp+0x20]
;;             0057  movaps xmm15, xmm0
;;             005b  pcmpgtw xmm15, xmm1
;;             0060  movaps xmm1, xmm15
;;   0x59    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x5b    i16x8.lt_u                    [v128:xmm1]
;;             0064  movdqu xmm0, [rbp+0x20]
;;             006d  movaps xmm15, xmm0
;;             0071  pmaxuw xmm15, xmm1
;;             0077  pcmpeqw xmm1, xmm15
;;             007c  pcmpeqd xmm14, xmm14
;;             0081  pxor xmm1, xmm14
;;   0x5d    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x5f    i16x8.gt_s                    [v128:xmm1]
;;             0086  movdqu xmm0, [rbp+0x20]
;;             008f  pcmpgtw xmm1, xmm0
;;   0x61    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x63    i16x8.gt_u                    [v128:xmm1]
;;             0094  movdqu xmm0, [rbp+0x20]
;;             009d  movaps xmm15, xmm0
;;             00a1  pminuw xmm15, xmm1
;;             00a7  pcmpeqw xmm1, xmm15
;;             00ac  pcmpeqd xmm14, xmm14
;;             00b1  pxor xmm1, xmm14
;;   0x65    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x67    i16x8.le_s                    [v128:xmm1]
;;             00b6  movdqu xmm0, [rbp+0x20]
;;             00bf  movaps xmm15, xmm0
;;             00c3  pminsw xmm15, xmm1
;;             00c8  pcmpeqw xmm1, xmm15
;;   0x69    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x6b    i16x8.le_u                    [v128:xmm1]
;;             00cd  movdqu xmm0, [rbp+0x20]
;;             00d6  movaps xmm15, xmm0
;;             00da  pminuw xmm15, xmm1
;;             00e0  pcmpeqw xmm1, xmm15
;;   0x6d    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x6f    i16x8.ge_s                    [v128:xmm1]
;;             00e5  movdqu xmm0, [rbp+0x20]
;;             00ee  movaps xmm15, xmm0
;;             00f2  pmaxsw xmm15, xmm1
;;             00f7  pcmpeqw xmm1, xmm15
;;   0x71    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x73    i16x8.ge_u                    [v128:xmm1]
;;             00fc  movdqu xmm0, [rbp+0x20]
;;             0105  movaps xmm15, xmm0
;;             0109  pmaxuw xmm15, xmm1
;;             010f  pcmpeqw xmm1, xmm15
;;   0x75    end                           (returned)
;;             0114  movaps xmm0, xmm1
;;             0118  mov rsp, rbp
;;             011b  pop rbp
;;             011c  ret
;;           out-of-line stubs
;;             011d  ud2  ; trap: call stack exhausted
;;
;; func 2 $i32x4 (param v128 v128) (result v128): 289 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0016  cmp rsp, [rax]
;;             0019  jb 0x11f
;;   0x78    local.get 0                   [v128:local 0]
;;   0x7a    local.get 1                   [v128:local 0, v128:local 1]
;;   0x7c    i32x4.eq                      [v128:xmm1]
;;             001f  movdqu xmm0, [rbp+0x20]
;;             0028  movdqu xmm1, [rbp+0x10]
;;             0031  pcmpeqd xmm1, xmm0
;;   0x7e    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x80    i32x4.ne                      [v128:xmm1]
;;             0036  movdqu xmm0, [rbp+0x20]
;;             003f  pcmpeqd xmm1, xmm0
;;             0044  pcmpeqd xmm14, xmm14
;;             0049  pxor xmm1, xmm14
;;   0x82    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x84    i32x4.lt_s                    [v128:xmm1]
;;             004e  movdqu xmm0, [rbp+0x20]
;;             0057  movaps xmm15, xmm0
;;             005b  pcmpgtd xmm15, xmm1
;;             0060  movaps xmm1, xmm15
;;   0x86    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x88    i32x4.lt_u                    [v128:xmm1]
;;             0064  movdqu xmm0, [rbp+0x20]
;;             006d  movaps xmm15, xmm0
;;             0071  pmaxud xmm15, xmm1
;;             0077  pcmpeqd xmm1, xmm15
;;             007c  pcmpeqd xmm14, xmm14
;;             0081  pxor xmm1, xmm14
;;   0x8a    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x8c    i32x4.gt_s                    [v128:xmm1]
;;             0086  movdqu xmm0, [rbp+0x20]
;;             008f  pcmpgtd xmm1, xmm0
;;   0x8e    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x90    i32x4.gt_u                    [v128:xmm1]
;;             0094  movdqu xmm0, [rbp+0x20]
;;             009d  movaps xmm15, xmm0
;;             00a1  pminud xmm15, xmm1
;;             00a7  pcmpeqd xmm1, xmm15
;;             00ac  pcmpeqd xmm14, xmm14
;;             00b1  pxor xmm1, xmm14
;;   0x92    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x94    i32x4.le_s                    [v128:xmm1]
;;             00b6  movdqu xmm0, [rbp+0x20]
;;             00bf  movaps xmm15, xmm0
;;             00c3  pminsd xmm15, xmm1
;;             00c9  pcmpeqd xmm1, xmm15
;;   0x96    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x98    i32x4.le_u                    [v128:xmm1]
;;             00ce  movdqu xmm0, [rbp+0x20]
;;             00d7  movaps xmm15, xmm0
;;             00db  pminud xmm15, xmm1
;;             00e1  pcmpeqd xmm1, xmm15
;;   0x9a    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x9c    i32x4.ge_s                    [v128:xmm1]
;;             00e6  movdqu xmm0, [rbp+0x20]
;;             00ef  movaps xmm15, xmm0
;;             00f3  pmaxsd xmm15, xmm1
;;             00f9  pcmpeqd xmm1, xmm15
;;   0x9e    local.get 1                   [v128:xmm1, v128:local 1]
;;   0xa0    i32x4.ge_u                    [v128:xmm1]
;;             00fe  movdqu xmm0, [rbp+0x20]
;;             0107  movaps xmm15, xmm0
;;             010b  pmaxud xmm15, xmm1
;;             0111  pcmpeqd xmm1, xmm15
;;   0xa2    end                           (returned)
;;             0116  movaps xmm0, xmm1
;;             011a  mov rsp, rbp
;;             011d  pop rbp
;;             011e  ret
;;           out-of-line stubs
;;             011f  ud2  ; trap: call stack exhausted
;;
;; func 3 $i64x2 (param v128 v128) (result v128): 183 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0016  cmp rsp, [rax]
;;             0019  jb 0xb5
;;   0xa5    local.get 0                   [v128:local 0]
;;   0xa7    local.get 1                   [v128:local 0, v128:local 1]
;;   0xa9    i64x2.eq                      [v128:xmm1]
;;             001f  movdqu xmm0, [rbp+0x20]
;;             0028  movdqu xmm1, [rbp+0x10]
;;             0031  pcmpeqq xmm1, xmm0
;;   0xac    local.get 1                   [v128:xmm1, v128:local 1]
;;   0xae    i64x2.ne                      [v128:xmm1]
;;             0037  movdqu xmm0, [rbp+0x20]
;;             0040  pcmpeqq xmm1, xmm0
;;             0046  pcmpeqd xmm14, xmm14
;;             004b  pxor xmm1, xmm14
;;   0xb1    local.get 1                   [v128:xmm1, v128:local 1]
;;   0xb3    i64x2.lt_s                    [v128:xmm1]
;;             0050  movdqu xmm0, [rbp+0x20]
;;             0059  movaps xmm15, xmm0
;;             005d  pcmpgtq xmm15, xmm1
;;             0063  movaps xmm1, xmm15
;;   0xb6    local.get 1                   [v128:xmm1, v128:local 1]
;;   0xb8    i64x2.gt_s                    [v128:xmm1]
;;             0067  movdqu xmm0, [rbp+0x20]
;;             0070  pcmpgtq xmm1, xmm0
;;   0xbb    local.get 1                   [v128:xmm1, v128:local 1]
;;   0xbd    i64x2.le_s                    [v128:xmm1]
;;             0076  movdqu xmm0, [rbp+0x20]
;;             007f  pcmpgtq xmm1, xmm0
;;             0085  pcmpeqd xmm14, xmm14
;;             008a  pxor xmm1, xmm14
;;   0xc0    local.get 1                   [v128:xmm1, v128:local 1]
;;   0xc2    i64x2.ge_s                    [v128:xmm1]
;;             008f  movdqu xmm0, [rbp+0x20]
;;             0098  movaps xmm15, xmm0
;;             009c  pcmpgtq xmm15, xmm1
;;             00a2  pcmpeqd xmm1, xmm1
;;             00a7  pxor xmm1, xmm15
;;   0xc5    end                           (returned)
;;             00ac  movaps xmm0, xmm1
;;             00b0  mov rsp, rbp
;;             00b3  pop rbp
;;             00b4  ret
;;           out-of-line stubs
;;             00b5  ud2  ; trap: call stack exhausted

;; ==== expected aarch64 ====
;; func 0 $i8x16 (param v128 v128) (result v128): 148 bytes of aarch64
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
;;             0024  b.lo 0x90
;;   0x1e    local.get 0                   [v128:local 0]
;;   0x20    local.get 1                   [v128:local 0, v128:local 1]
;;   0x22    i8x16.eq                      [v128:q1]
;;             0028  ldr q0, [x29, #0x20]
;;             002c  ldr q1, [x29, #0x10]
;;             0030  cmeq v1.16b, v1.16b, v0.16b
;;   0x24    local.get 1                   [v128:q1, v128:local 1]
;;   0x26    i8x16.ne                      [v128:q1]
;;             0034  ldr q0, [x29, #0x20]
;;             0038  cmeq v1.16b, v1.16b, v0.16b
;;             003c  mvn v1.16b, v1.16b
;;   0x28    local.get 1                   [v128:q1, v128:local 1]
;;   0x2a    i8x16.lt_s                    [v128:q1]
;;             0040  ldr q0, [x29, #0x20]
;;             0044  cmgt v1.16b, v0.16b, v1.16b
;;   0x2c    local.get 1                   [v128:q1, v128:local 1]
;;   0x2e    i8x16.lt_u                    [v128:q1]
;;             0048  ldr q0, [x29, #0x20]
;;             004c  cmhi v1.16b, v0.16b, v1.16b
;;   0x30    local.get 1                   [v128:q1, v128:local 1]
;;   0x32    i8x16.gt_s                    [v128:q1]
;;             0050  ldr q0, [x29, #0x20]
;;             0054  cmgt v1.16b, v1.16b, v0.16b
;;   0x34    local.get 1                   [v128:q1, v128:local 1]
;;   0x36    i8x16.gt_u                    [v128:q1]
;;             0058  ldr q0, [x29, #0x20]
;;             005c  cmhi v1.16b, v1.16b, v0.16b
;;   0x38    local.get 1                   [v128:q1, v128:local 1]
;;   0x3a    i8x16.le_s                    [v128:q1]
;;             0060  ldr q0, [x29, #0x20]
;;             0064  cmge v1.16b, v0.16b, v1.16b
;;   0x3c    local.get 1                   [v128:q1, v128:local 1]
;;   0x3e    i8x16.le_u                    [v128:q1]
;;             0068  ldr q0, [x29, #0x20]
;;             006c  cmhs v1.16b, v0.16b, v1.16b
;;   0x40    local.get 1                   [v128:q1, v128:local 1]
;;   0x42    i8x16.ge_s                    [v128:q1]
;;             0070  ldr q0, [x29, #0x20]
;;             0074  cmge v1.16b, v1.16b, v0.16b
;;   0x44    local.get 1                   [v128:q1, v128:local 1]
;;   0x46    i8x16.ge_u                    [v128:q1]
;;             0078  ldr q0, [x29, #0x20]
;;             007c  cmhs v1.16b, v1.16b, v0.16b
;;   0x48    end                           (returned)
;;             0080  mov v0.16b, v1.16b
;;             0084  mov sp, x29
;;             0088  ldp x29, x30, [sp], #0x10
;;             008c  ret
;;           out-of-line stubs
;;             0090  udf #0x0  ; trap: call stack exhausted
;;
;; func 1 $i16x8 (param v128 v128) (result v128): 148 bytes of aarch64
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
;;             0024  b.lo 0x90
;;   0x4b    local.get 0                   [v128:local 0]
;;   0x4d    local.get 1                   [v128:local 0, v128:local 1]
;;   0x4f    i16x8.eq                      [v128:q1]
;;             0028  ldr q0, [x29, #0x20]
;;             002c  ldr q1, [x29, #0x10]
;;             0030  cmeq v1.8h, v1.8h, v0.8h
;;   0x51    local.get 1                   [v128:q1, v128:local 1]
;;   0x53    i16x8.ne                      [v128:q1]
;;             0034  ldr q0, [x29, #0x20]
;;             0038  cmeq v1.8h, v1.8h, v0.8h
;;             003c  mvn v1.16b, v1.16b
;;   0x55    local.get 1                   [v128:q1, v128:local 1]
;;   0x57    i16x8.lt_s                    [v128:q1]
;;             0040  ldr q0, [x29, #0x20]
;;             0044  cmgt v1.8h, v0.8h, v1.8h
;;   0x59    local.get 1                   [v128:q1, v128:local 1]
;;   0x5b    i16x8.lt_u                    [v128:q1]
;;             0048  ldr q0, [x29, #0x20]
;;             004c  cmhi v1.8h, v0.8h, v1.8h
;;   0x5d    local.get 1                   [v128:q1, v128:local 1]
;;   0x5f    i16x8.gt_s                    [v128:q1]
;;             0050  ldr q0, [x29, #0x20]
;;             0054  cmgt v1.8h, v1.8h, v0.8h
;;   0x61    local.get 1                   [v128:q1, v128:local 1]
;;   0x63    i16x8.gt_u                    [v128:q1]
;;             0058  ldr q0, [x29, #0x20]
;;             005c  cmhi v1.8h, v1.8h, v0.8h
;;   0x65    local.get 1                   [v128:q1, v128:local 1]
;;   0x67    i16x8.le_s                    [v128:q1]
;;             0060  ldr q0, [x29, #0x20]
;;             0064  cmge v1.8h, v0.8h, v1.8h
;;   0x69    local.get 1                   [v128:q1, v128:local 1]
;;   0x6b    i16x8.le_u                    [v128:q1]
;;             0068  ldr q0, [x29, #0x20]
;;             006c  cmhs v1.8h, v0.8h, v1.8h
;;   0x6d    local.get 1                   [v128:q1, v128:local 1]
;;   0x6f    i16x8.ge_s                    [v128:q1]
;;             0070  ldr q0, [x29, #0x20]
;;             0074  cmge v1.8h, v1.8h, v0.8h
;;   0x71    local.get 1                   [v128:q1, v128:local 1]
;;   0x73    i16x8.ge_u                    [v128:q1]
;;             0078  ldr q0, [x29, #0x20]
;;             007c  cmhs v1.8h, v1.8h, v0.8h
;;   0x75    end                           (returned)
;;             0080  mov v0.16b, v1.16b
;;             0084  mov sp, x29
;;             0088  ldp x29, x30, [sp], #0x10
;;             008c  ret
;;           out-of-line stubs
;;             0090  udf #0x0  ; trap: call stack exhausted
;;
;; func 2 $i32x4 (param v128 v128) (result v128): 148 bytes of aarch64
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
;;             0024  b.lo 0x90
;;   0x78    local.get 0                   [v128:local 0]
;;   0x7a    local.get 1                   [v128:local 0, v128:local 1]
;;   0x7c    i32x4.eq                      [v128:q1]
;;             0028  ldr q0, [x29, #0x20]
;;             002c  ldr q1, [x29, #0x10]
;;             0030  cmeq v1.4s, v1.4s, v0.4s
;;   0x7e    local.get 1                   [v128:q1, v128:local 1]
;;   0x80    i32x4.ne                      [v128:q1]
;;             0034  ldr q0, [x29, #0x20]
;;             0038  cmeq v1.4s, v1.4s, v0.4s
;;             003c  mvn v1.16b, v1.16b
;;   0x82    local.get 1                   [v128:q1, v128:local 1]
;;   0x84    i32x4.lt_s                    [v128:q1]
;;             0040  ldr q0, [x29, #0x20]
;;             0044  cmgt v1.4s, v0.4s, v1.4s
;;   0x86    local.get 1                   [v128:q1, v128:local 1]
;;   0x88    i32x4.lt_u                    [v128:q1]
;;             0048  ldr q0, [x29, #0x20]
;;             004c  cmhi v1.4s, v0.4s, v1.4s
;;   0x8a    local.get 1                   [v128:q1, v128:local 1]
;;   0x8c    i32x4.gt_s                    [v128:q1]
;;             0050  ldr q0, [x29, #0x20]
;;             0054  cmgt v1.4s, v1.4s, v0.4s
;;   0x8e    local.get 1                   [v128:q1, v128:local 1]
;;   0x90    i32x4.gt_u                    [v128:q1]
;;             0058  ldr q0, [x29, #0x20]
;;             005c  cmhi v1.4s, v1.4s, v0.4s
;;   0x92    local.get 1                   [v128:q1, v128:local 1]
;;   0x94    i32x4.le_s                    [v128:q1]
;;             0060  ldr q0, [x29, #0x20]
;;             0064  cmge v1.4s, v0.4s, v1.4s
;;   0x96    local.get 1                   [v128:q1, v128:local 1]
;;   0x98    i32x4.le_u                    [v128:q1]
;;             0068  ldr q0, [x29, #0x20]
;;             006c  cmhs v1.4s, v0.4s, v1.4s
;;   0x9a    local.get 1                   [v128:q1, v128:local 1]
;;   0x9c    i32x4.ge_s                    [v128:q1]
;;             0070  ldr q0, [x29, #0x20]
;;             0074  cmge v1.4s, v1.4s, v0.4s
;;   0x9e    local.get 1                   [v128:q1, v128:local 1]
;;   0xa0    i32x4.ge_u                    [v128:q1]
;;             0078  ldr q0, [x29, #0x20]
;;             007c  cmhs v1.4s, v1.4s, v0.4s
;;   0xa2    end                           (returned)
;;             0080  mov v0.16b, v1.16b
;;             0084  mov sp, x29
;;             0088  ldp x29, x30, [sp], #0x10
;;             008c  ret
;;           out-of-line stubs
;;             0090  udf #0x0  ; trap: call stack exhausted
;;
;; func 3 $i64x2 (param v128 v128) (result v128): 116 bytes of aarch64
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
;;             0024  b.lo 0x70
;;   0xa5    local.get 0                   [v128:local 0]
;;   0xa7    local.get 1                   [v128:local 0, v128:local 1]
;;   0xa9    i64x2.eq                      [v128:q1]
;;             0028  ldr q0, [x29, #0x20]
;;             002c  ldr q1, [x29, #0x10]
;;             0030  cmeq v1.2d, v1.2d, v0.2d
;;   0xac    local.get 1                   [v128:q1, v128:local 1]
;;   0xae    i64x2.ne                      [v128:q1]
;;             0034  ldr q0, [x29, #0x20]
;;             0038  cmeq v1.2d, v1.2d, v0.2d
;;             003c  mvn v1.16b, v1.16b
;;   0xb1    local.get 1                   [v128:q1, v128:local 1]
;;   0xb3    i64x2.lt_s                    [v128:q1]
;;             0040  ldr q0, [x29, #0x20]
;;             0044  cmgt v1.2d, v0.2d, v1.2d
;;   0xb6    local.get 1                   [v128:q1, v128:local 1]
;;   0xb8    i64x2.gt_s                    [v128:q1]
;;             0048  ldr q0, [x29, #0x20]
;;             004c  cmgt v1.2d, v1.2d, v0.2d
;;   0xbb    local.get 1                   [v128:q1, v128:local 1]
;;   0xbd    i64x2.le_s                    [v128:q1]
;;             0050  ldr q0, [x29, #0x20]
;;             0054  cmge v1.2d, v0.2d, v1.2d
;;   0xc0    local.get 1                   [v128:q1, v128:local 1]
;;   0xc2    i64x2.ge_s                    [v128:q1]
;;             0058  ldr q0, [x29, #0x20]
;;             005c  cmge v1.2d, v1.2d, v0.2d
;;   0xc5    end                           (returned)
;;             0060  mov v0.16b, v1.16b
;;             0064  mov sp, x29
;;             0068  ldp x29, x30, [sp], #0x10
;;             006c  ret
;;           out-of-line stubs
;;             0070  udf #0x0  ; trap: call stack exhausted
