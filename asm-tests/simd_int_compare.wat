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
;; func 0 $i8x16 (param v128 v128) (result v128): 214 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0xd4
;;   0x1e    local.get 0                   [v128:local 0]
;;   0x20    local.get 1                   [v128:local 0, v128:local 1]
;;   0x22    i8x16.eq                      [v128:xmm1]
;;             001b  movdqu xmm0, [rbp+0x20]
;;             0021  movdqu xmm1, [rbp+0x10]
;;             0027  vpcmpeqb xmm1, xmm1, xmm0
;;   0x24    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x26    i8x16.ne                      [v128:xmm1]
;;             002c  movdqu xmm0, [rbp+0x20]
;;             0032  vpcmpeqb xmm1, xmm1, xmm0
;;             0037  pcmpeqd xmm14, xmm14
;;             003c  pxor xmm1, xmm14
;;   0x28    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x2a    i8x16.lt_s                    [v128:xmm1]
;;             0041  movdqu xmm0, [rbp+0x20]
;;             0047  vpcmpgtb xmm1, xmm0, xmm1
;;   0x2c    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x2e    i8x16.lt_u                    [v128:xmm1]
;;             004c  movdqu xmm0, [rbp+0x20]
;;             0052  vpmaxub xmm15, xmm1, xmm0
;;             0057  vpcmpeqb xmm1, xmm15, xmm1
;;             005c  pcmpeqd xmm14, xmm14
;;             0061  pxor xmm1, xmm14
;;   0x30    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x32    i8x16.gt_s                    [v128:xmm1]
;;             0066  movdqu xmm0, [rbp+0x20]
;;             006c  vpcmpgtb xmm1, xmm1, xmm0
;;   0x34    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x36    i8x16.gt_u                    [v128:xmm1]
;;             0071  movdqu xmm0, [rbp+0x20]
;;             0077  vpminub xmm15, xmm1, xmm0
;;             007c  vpcmpeqb xmm1, xmm15, xmm1
;;             0081  pcmpeqd xmm14, xmm14
;;             0086  pxor xmm1, xmm14
;;   0x38    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x3a    i8x16.le_s                    [v128:xmm1]
;;             008b  movdqu xmm0, [rbp+0x20]
;;             0091  vpminsb xmm15, xmm1, xmm0
;;             0096  vpcmpeqb xmm1, xmm15, xmm1
;;   0x3c    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x3e    i8x16.le_u                    [v128:xmm1]
;;             009b  movdqu xmm0, [rbp+0x20]
;;             00a1  vpminub xmm15, xmm1, xmm0
;;             00a6  vpcmpeqb xmm1, xmm15, xmm1
;;   0x40    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x42    i8x16.ge_s                    [v128:xmm1]
;;             00ab  movdqu xmm0, [rbp+0x20]
;;             00b1  vpmaxsb xmm15, xmm1, xmm0
;;             00b6  vpcmpeqb xmm1, xmm15, xmm1
;;   0x44    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x46    i8x16.ge_u                    [v128:xmm1]
;;             00bb  movdqu xmm0, [rbp+0x20]
;;             00c1  vpmaxub xmm15, xmm1, xmm0
;;             00c6  vpcmpeqb xmm1, xmm15, xmm1
;;   0x48    end                           (returned)
;;             00cb  movaps xmm0, xmm1
;;             00cf  mov rsp, rbp
;;             00d2  pop rbp
;;             00d3  ret
;;           out-of-line stubs
;;             00d4  ud2  ; trap: call stack exhausted
;;
;; func 1 $i16x8 (param v128 v128) (result v128): 214 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0xd4
;;   0x4b    local.get 0                   [v128:local 0]
;;   0x4d    local.get 1                   [v128:local 0, v128:local 1]
;;   0x4f    i16x8.eq                      [v128:xmm1]
;;             001b  movdqu xmm0, [rbp+0x20]
;;             0021  movdqu xmm1, [rbp+0x10]
;;             0027  vpcmpeqw xmm1, xmm1, xmm0
;;   0x51    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x53    i16x8.ne                      [v128:xmm1]
;;             002c  movdqu xmm0, [rbp+0x20]
;;             0032  vpcmpeqw xmm1, xmm1, xmm0
;;             0037  pcmpeqd xmm14, xmm14
;;             003c  pxor xmm1, xmm14
;;   0x55    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x57    i16x8.lt_s                    [v128:xmm1]
;;             0041  movdqu xmm0, [rbp+0x20]
;;             0047  vpcmpgtw xmm1, xmm0, xmm1
;;   0x59    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x5b    i16x8.lt_u                    [v128:xmm1]
;;             004c  movdqu xmm0, [rbp+0x20]
;;             0052  vpmaxuw xmm15, xmm1, xmm0
;;             0057  vpcmpeqw xmm1, xmm15, xmm1
;;             005c  pcmpeqd xmm14, xmm14
;;             0061  pxor xmm1, xmm14
;;   0x5d    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x5f    i16x8.gt_s                    [v128:xmm1]
;;             0066  movdqu xmm0, [rbp+0x20]
;;             006c  vpcmpgtw xmm1, xmm1, xmm0
;;   0x61    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x63    i16x8.gt_u                    [v128:xmm1]
;;             0071  movdqu xmm0, [rbp+0x20]
;;             0077  vpminuw xmm15, xmm1, xmm0
;;             007c  vpcmpeqw xmm1, xmm15, xmm1
;;             0081  pcmpeqd xmm14, xmm14
;;             0086  pxor xmm1, xmm14
;;   0x65    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x67    i16x8.le_s                    [v128:xmm1]
;;             008b  movdqu xmm0, [rbp+0x20]
;;             0091  vpminsw xmm15, xmm1, xmm0
;;             0096  vpcmpeqw xmm1, xmm15, xmm1
;;   0x69    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x6b    i16x8.le_u                    [v128:xmm1]
;;             009b  movdqu xmm0, [rbp+0x20]
;;             00a1  vpminuw xmm15, xmm1, xmm0
;;             00a6  vpcmpeqw xmm1, xmm15, xmm1
;;   0x6d    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x6f    i16x8.ge_s                    [v128:xmm1]
;;             00ab  movdqu xmm0, [rbp+0x20]
;;             00b1  vpmaxsw xmm15, xmm1, xmm0
;;             00b6  vpcmpeqw xmm1, xmm15, xmm1
;;   0x71    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x73    i16x8.ge_u                    [v128:xmm1]
;;             00bb  movdqu xmm0, [rbp+0x20]
;;             00c1  vpmaxuw xmm15, xmm1, xmm0
;;             00c6  vpcmpeqw xmm1, xmm15, xmm1
;;   0x75    end                           (returned)
;;             00cb  movaps xmm0, xmm1
;;             00cf  mov rsp, rbp
;;             00d2  pop rbp
;;             00d3  ret
;;           out-of-line stubs
;;             00d4  ud2  ; trap: call stack exhausted
;;
;; func 2 $i32x4 (param v128 v128) (result v128): 214 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0xd4
;;   0x78    local.get 0                   [v128:local 0]
;;   0x7a    local.get 1                   [v128:local 0, v128:local 1]
;;   0x7c    i32x4.eq                      [v128:xmm1]
;;             001b  movdqu xmm0, [rbp+0x20]
;;             0021  movdqu xmm1, [rbp+0x10]
;;             0027  vpcmpeqd xmm1, xmm1, xmm0
;;   0x7e    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x80    i32x4.ne                      [v128:xmm1]
;;             002c  movdqu xmm0, [rbp+0x20]
;;             0032  vpcmpeqd xmm1, xmm1, xmm0
;;             0037  pcmpeqd xmm14, xmm14
;;             003c  pxor xmm1, xmm14
;;   0x82    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x84    i32x4.lt_s                    [v128:xmm1]
;;             0041  movdqu xmm0, [rbp+0x20]
;;             0047  vpcmpgtd xmm1, xmm0, xmm1
;;   0x86    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x88    i32x4.lt_u                    [v128:xmm1]
;;             004c  movdqu xmm0, [rbp+0x20]
;;             0052  vpmaxud xmm15, xmm1, xmm0
;;             0057  vpcmpeqd xmm1, xmm15, xmm1
;;             005c  pcmpeqd xmm14, xmm14
;;             0061  pxor xmm1, xmm14
;;   0x8a    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x8c    i32x4.gt_s                    [v128:xmm1]
;;             0066  movdqu xmm0, [rbp+0x20]
;;             006c  vpcmpgtd xmm1, xmm1, xmm0
;;   0x8e    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x90    i32x4.gt_u                    [v128:xmm1]
;;             0071  movdqu xmm0, [rbp+0x20]
;;             0077  vpminud xmm15, xmm1, xmm0
;;             007c  vpcmpeqd xmm1, xmm15, xmm1
;;             0081  pcmpeqd xmm14, xmm14
;;             0086  pxor xmm1, xmm14
;;   0x92    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x94    i32x4.le_s                    [v128:xmm1]
;;             008b  movdqu xmm0, [rbp+0x20]
;;             0091  vpminsd xmm15, xmm1, xmm0
;;             0096  vpcmpeqd xmm1, xmm15, xmm1
;;   0x96    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x98    i32x4.le_u                    [v128:xmm1]
;;             009b  movdqu xmm0, [rbp+0x20]
;;             00a1  vpminud xmm15, xmm1, xmm0
;;             00a6  vpcmpeqd xmm1, xmm15, xmm1
;;   0x9a    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x9c    i32x4.ge_s                    [v128:xmm1]
;;             00ab  movdqu xmm0, [rbp+0x20]
;;             00b1  vpmaxsd xmm15, xmm1, xmm0
;;             00b6  vpcmpeqd xmm1, xmm15, xmm1
;;   0x9e    local.get 1                   [v128:xmm1, v128:local 1]
;;   0xa0    i32x4.ge_u                    [v128:xmm1]
;;             00bb  movdqu xmm0, [rbp+0x20]
;;             00c1  vpmaxud xmm15, xmm1, xmm0
;;             00c6  vpcmpeqd xmm1, xmm15, xmm1
;;   0xa2    end                           (returned)
;;             00cb  movaps xmm0, xmm1
;;             00cf  mov rsp, rbp
;;             00d2  pop rbp
;;             00d3  ret
;;           out-of-line stubs
;;             00d4  ud2  ; trap: call stack exhausted
;;
;; func 3 $i64x2 (param v128 v128) (result v128): 140 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x8a
;;   0xa5    local.get 0                   [v128:local 0]
;;   0xa7    local.get 1                   [v128:local 0, v128:local 1]
;;   0xa9    i64x2.eq                      [v128:xmm1]
;;             001b  movdqu xmm0, [rbp+0x20]
;;             0021  movdqu xmm1, [rbp+0x10]
;;             0027  vpcmpeqq xmm1, xmm1, xmm0
;;   0xac    local.get 1                   [v128:xmm1, v128:local 1]
;;   0xae    i64x2.ne                      [v128:xmm1]
;;             002c  movdqu xmm0, [rbp+0x20]
;;             0032  vpcmpeqq xmm1, xmm1, xmm0
;;             0037  pcmpeqd xmm14, xmm14
;;             003c  pxor xmm1, xmm14
;;   0xb1    local.get 1                   [v128:xmm1, v128:local 1]
;;   0xb3    i64x2.lt_s                    [v128:xmm1]
;;             0041  movdqu xmm0, [rbp+0x20]
;;             0047  vpcmpgtq xmm1, xmm0, xmm1
;;   0xb6    local.get 1                   [v128:xmm1, v128:local 1]
;;   0xb8    i64x2.gt_s                    [v128:xmm1]
;;             004c  movdqu xmm0, [rbp+0x20]
;;             0052  vpcmpgtq xmm1, xmm1, xmm0
;;   0xbb    local.get 1                   [v128:xmm1, v128:local 1]
;;   0xbd    i64x2.le_s                    [v128:xmm1]
;;             0057  movdqu xmm0, [rbp+0x20]
;;             005d  vpcmpgtq xmm1, xmm1, xmm0
;;             0062  pcmpeqd xmm14, xmm14
;;             0067  pxor xmm1, xmm14
;;   0xc0    local.get 1                   [v128:xmm1, v128:local 1]
;;   0xc2    i64x2.ge_s                    [v128:xmm1]
;;             006c  movdqu xmm0, [rbp+0x20]
;;             0072  vpcmpgtq xmm1, xmm0, xmm1
;;             0077  pcmpeqd xmm14, xmm14
;;             007c  pxor xmm1, xmm14
;;   0xc5    end                           (returned)
;;             0081  movaps xmm0, xmm1
;;             0085  mov rsp, rbp
;;             0088  pop rbp
;;             0089  ret
;;           out-of-line stubs
;;             008a  ud2  ; trap: call stack exhausted

;; ==== expected x86_64:min ====
;; func 0 $i8x16 (param v128 v128) (result v128): 248 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0xf6
;;   0x1e    local.get 0                   [v128:local 0]
;;   0x20    local.get 1                   [v128:local 0, v128:local 1]
;;   0x22    i8x16.eq                      [v128:xmm1]
;;             001b  movdqu xmm0, [rbp+0x20]
;;             0021  movdqu xmm1, [rbp+0x10]
;;             0027  pcmpeqb xmm1, xmm0
;;   0x24    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x26    i8x16.ne                      [v128:xmm1]
;;             002c  movdqu xmm0, [rbp+0x20]
;;             0032  pcmpeqb xmm1, xmm0
;;             0037  pcmpeqd xmm14, xmm14
;;             003c  pxor xmm1, xmm14
;;   0x28    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x2a    i8x16.lt_s                    [v128:xmm1]
;;             0041  movdqu xmm0, [rbp+0x20]
;;             0047  movaps xmm15, xmm0
;;             004b  pcmpgtb xmm15, xmm1
;;             0050  movaps xmm1, xmm15
;;   0x2c    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x2e    i8x16.lt_u                    [v128:xmm1]
;;             0054  movdqu xmm0, [rbp+0x20]
;;             005a  movaps xmm15, xmm0
;;             005e  pmaxub xmm15, xmm1
;;             0063  pcmpeqb xmm1, xmm15
;;             0068  pcmpeqd xmm14, xmm14
;;             006d  pxor xmm1, xmm14
;;   0x30    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x32    i8x16.gt_s                    [v128:xmm1]
;;             0072  movdqu xmm0, [rbp+0x20]
;;             0078  pcmpgtb xmm1, xmm0
;;   0x34    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x36    i8x16.gt_u                    [v128:xmm1]
;;             007d  movdqu xmm0, [rbp+0x20]
;;             0083  movaps xmm15, xmm0
;;             0087  pminub xmm15, xmm1
;;             008c  pcmpeqb xmm1, xmm15
;;             0091  pcmpeqd xmm14, xmm14
;;             0096  pxor xmm1, xmm14
;;   0x38    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x3a    i8x16.le_s                    [v128:xmm1]
;;             009b  movdqu xmm0, [rbp+0x20]
;;             00a1  movaps xmm15, xmm0
;;             00a5  pminsb xmm15, xmm1
;;             00ab  pcmpeqb xmm1, xmm15
;;   0x3c    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x3e    i8x16.le_u                    [v128:xmm1]
;;             00b0  movdqu xmm0, [rbp+0x20]
;;             00b6  movaps xmm15, xmm0
;;             00ba  pminub xmm15, xmm1
;;             00bf  pcmpeqb xmm1, xmm15
;;   0x40    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x42    i8x16.ge_s                    [v128:xmm1]
;;             00c4  movdqu xmm0, [rbp+0x20]
;;             00ca  movaps xmm15, xmm0
;;             00ce  pmaxsb xmm15, xmm1
;;             00d4  pcmpeqb xmm1, xmm15
;;   0x44    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x46    i8x16.ge_u                    [v128:xmm1]
;;             00d9  movdqu xmm0, [rbp+0x20]
;;             00df  movaps xmm15, xmm0
;;             00e3  pmaxub xmm15, xmm1
;;             00e8  pcmpeqb xmm1, xmm15
;;   0x48    end                           (returned)
;;             00ed  movaps xmm0, xmm1
;;             00f1  mov rsp, rbp
;;             00f4  pop rbp
;;             00f5  ret
;;           out-of-line stubs
;;             00f6  ud2  ; trap: call stack exhausted
;;
;; func 1 $i16x8 (param v128 v128) (result v128): 250 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0xf8
;;   0x4b    local.get 0                   [v128:local 0]
;;   0x4d    local.get 1                   [v128:local 0, v128:local 1]
;;   0x4f    i16x8.eq                      [v128:xmm1]
;;             001b  movdqu xmm0, [rbp+0x20]
;;             0021  movdqu xmm1, [rbp+0x10]
;;             0027  pcmpeqw xmm1, xmm0
;;   0x51    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x53    i16x8.ne                      [v128:xmm1]
;;             002c  movdqu xmm0, [rbp+0x20]
;;             0032  pcmpeqw xmm1, xmm0
;;             0037  pcmpeqd xmm14, xmm14
;;             003c  pxor xmm1, xmm14
;;   0x55    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x57    i16x8.lt_s                    [v128:xmm1]
;;             0041  movdqu xmm0, [rbp+0x20]
;;             0047  movaps xmm15, xmm0
;;             004b  pcmpgtw xmm15, xmm1
;;             0050  movaps xmm1, xmm15
;;   0x59    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x5b    i16x8.lt_u                    [v128:xmm1]
;;             0054  movdqu xmm0, [rbp+0x20]
;;             005a  movaps xmm15, xmm0
;;             005e  pmaxuw xmm15, xmm1
;;             0064  pcmpeqw xmm1, xmm15
;;             0069  pcmpeqd xmm14, xmm14
;;             006e  pxor xmm1, xmm14
;;   0x5d    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x5f    i16x8.gt_s                    [v128:xmm1]
;;             0073  movdqu xmm0, [rbp+0x20]
;;             0079  pcmpgtw xmm1, xmm0
;;   0x61    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x63    i16x8.gt_u                    [v128:xmm1]
;;             007e  movdqu xmm0, [rbp+0x20]
;;             0084  movaps xmm15, xmm0
;;             0088  pminuw xmm15, xmm1
;;             008e  pcmpeqw xmm1, xmm15
;;             0093  pcmpeqd xmm14, xmm14
;;             0098  pxor xmm1, xmm14
;;   0x65    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x67    i16x8.le_s                    [v128:xmm1]
;;             009d  movdqu xmm0, [rbp+0x20]
;;             00a3  movaps xmm15, xmm0
;;             00a7  pminsw xmm15, xmm1
;;             00ac  pcmpeqw xmm1, xmm15
;;   0x69    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x6b    i16x8.le_u                    [v128:xmm1]
;;             00b1  movdqu xmm0, [rbp+0x20]
;;             00b7  movaps xmm15, xmm0
;;             00bb  pminuw xmm15, xmm1
;;             00c1  pcmpeqw xmm1, xmm15
;;   0x6d    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x6f    i16x8.ge_s                    [v128:xmm1]
;;             00c6  movdqu xmm0, [rbp+0x20]
;;             00cc  movaps xmm15, xmm0
;;             00d0  pmaxsw xmm15, xmm1
;;             00d5  pcmpeqw xmm1, xmm15
;;   0x71    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x73    i16x8.ge_u                    [v128:xmm1]
;;             00da  movdqu xmm0, [rbp+0x20]
;;             00e0  movaps xmm15, xmm0
;;             00e4  pmaxuw xmm15, xmm1
;;             00ea  pcmpeqw xmm1, xmm15
;;   0x75    end                           (returned)
;;             00ef  movaps xmm0, xmm1
;;             00f3  mov rsp, rbp
;;             00f6  pop rbp
;;             00f7  ret
;;           out-of-line stubs
;;             00f8  ud2  ; trap: call stack exhausted
;;
;; func 2 $i32x4 (param v128 v128) (result v128): 252 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0xfa
;;   0x78    local.get 0                   [v128:local 0]
;;   0x7a    local.get 1                   [v128:local 0, v128:local 1]
;;   0x7c    i32x4.eq                      [v128:xmm1]
;;             001b  movdqu xmm0, [rbp+0x20]
;;             0021  movdqu xmm1, [rbp+0x10]
;;             0027  pcmpeqd xmm1, xmm0
;;   0x7e    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x80    i32x4.ne                      [v128:xmm1]
;;             002c  movdqu xmm0, [rbp+0x20]
;;             0032  pcmpeqd xmm1, xmm0
;;             0037  pcmpeqd xmm14, xmm14
;;             003c  pxor xmm1, xmm14
;;   0x82    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x84    i32x4.lt_s                    [v128:xmm1]
;;             0041  movdqu xmm0, [rbp+0x20]
;;             0047  movaps xmm15, xmm0
;;             004b  pcmpgtd xmm15, xmm1
;;             0050  movaps xmm1, xmm15
;;   0x86    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x88    i32x4.lt_u                    [v128:xmm1]
;;             0054  movdqu xmm0, [rbp+0x20]
;;             005a  movaps xmm15, xmm0
;;             005e  pmaxud xmm15, xmm1
;;             0064  pcmpeqd xmm1, xmm15
;;             0069  pcmpeqd xmm14, xmm14
;;             006e  pxor xmm1, xmm14
;;   0x8a    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x8c    i32x4.gt_s                    [v128:xmm1]
;;             0073  movdqu xmm0, [rbp+0x20]
;;             0079  pcmpgtd xmm1, xmm0
;;   0x8e    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x90    i32x4.gt_u                    [v128:xmm1]
;;             007e  movdqu xmm0, [rbp+0x20]
;;             0084  movaps xmm15, xmm0
;;             0088  pminud xmm15, xmm1
;;             008e  pcmpeqd xmm1, xmm15
;;             0093  pcmpeqd xmm14, xmm14
;;             0098  pxor xmm1, xmm14
;;   0x92    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x94    i32x4.le_s                    [v128:xmm1]
;;             009d  movdqu xmm0, [rbp+0x20]
;;             00a3  movaps xmm15, xmm0
;;             00a7  pminsd xmm15, xmm1
;;             00ad  pcmpeqd xmm1, xmm15
;;   0x96    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x98    i32x4.le_u                    [v128:xmm1]
;;             00b2  movdqu xmm0, [rbp+0x20]
;;             00b8  movaps xmm15, xmm0
;;             00bc  pminud xmm15, xmm1
;;             00c2  pcmpeqd xmm1, xmm15
;;   0x9a    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x9c    i32x4.ge_s                    [v128:xmm1]
;;             00c7  movdqu xmm0, [rbp+0x20]
;;             00cd  movaps xmm15, xmm0
;;             00d1  pmaxsd xmm15, xmm1
;;             00d7  pcmpeqd xmm1, xmm15
;;   0x9e    local.get 1                   [v128:xmm1, v128:local 1]
;;   0xa0    i32x4.ge_u                    [v128:xmm1]
;;             00dc  movdqu xmm0, [rbp+0x20]
;;             00e2  movaps xmm15, xmm0
;;             00e6  pmaxud xmm15, xmm1
;;             00ec  pcmpeqd xmm1, xmm15
;;   0xa2    end                           (returned)
;;             00f1  movaps xmm0, xmm1
;;             00f5  mov rsp, rbp
;;             00f8  pop rbp
;;             00f9  ret
;;           out-of-line stubs
;;             00fa  ud2  ; trap: call stack exhausted
;;
;; func 3 $i64x2 (param v128 v128) (result v128): 158 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x9c
;;   0xa5    local.get 0                   [v128:local 0]
;;   0xa7    local.get 1                   [v128:local 0, v128:local 1]
;;   0xa9    i64x2.eq                      [v128:xmm1]
;;             001b  movdqu xmm0, [rbp+0x20]
;;             0021  movdqu xmm1, [rbp+0x10]
;;             0027  pcmpeqq xmm1, xmm0
;;   0xac    local.get 1                   [v128:xmm1, v128:local 1]
;;   0xae    i64x2.ne                      [v128:xmm1]
;;             002d  movdqu xmm0, [rbp+0x20]
;;             0033  pcmpeqq xmm1, xmm0
;;             0039  pcmpeqd xmm14, xmm14
;;             003e  pxor xmm1, xmm14
;;   0xb1    local.get 1                   [v128:xmm1, v128:local 1]
;;   0xb3    i64x2.lt_s                    [v128:xmm1]
;;             0043  movdqu xmm0, [rbp+0x20]
;;             0049  movaps xmm15, xmm0
;;             004d  pcmpgtq xmm15, xmm1
;;             0053  movaps xmm1, xmm15
;;   0xb6    local.get 1                   [v128:xmm1, v128:local 1]
;;   0xb8    i64x2.gt_s                    [v128:xmm1]
;;             0057  movdqu xmm0, [rbp+0x20]
;;             005d  pcmpgtq xmm1, xmm0
;;   0xbb    local.get 1                   [v128:xmm1, v128:local 1]
;;   0xbd    i64x2.le_s                    [v128:xmm1]
;;             0063  movdqu xmm0, [rbp+0x20]
;;             0069  pcmpgtq xmm1, xmm0
;;             006f  pcmpeqd xmm14, xmm14
;;             0074  pxor xmm1, xmm14
;;   0xc0    local.get 1                   [v128:xmm1, v128:local 1]
;;   0xc2    i64x2.ge_s                    [v128:xmm1]
;;             0079  movdqu xmm0, [rbp+0x20]
;;             007f  movaps xmm15, xmm0
;;             0083  pcmpgtq xmm15, xmm1
;;             0089  pcmpeqd xmm1, xmm1
;;             008e  pxor xmm1, xmm15
;;   0xc5    end                           (returned)
;;             0093  movaps xmm0, xmm1
;;             0097  mov rsp, rbp
;;             009a  pop rbp
;;             009b  ret
;;           out-of-line stubs
;;             009c  ud2  ; trap: call stack exhausted

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
