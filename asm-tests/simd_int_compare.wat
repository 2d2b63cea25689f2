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
;; func 0 $i8x16 (param v128 v128) (result v128): 203 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0xc9
;;   0x1e    local.get 0                   [v128:local 0]
;;   0x20    local.get 1                   [v128:local 0, v128:local 1]
;;   0x22    i8x16.eq                      [v128:xmm1]
;;             001b  movdqu xmm0, [rbp+0x20]
;;             0020  movdqu xmm1, [rbp+0x10]
;;             0025  vpcmpeqb xmm1, xmm1, xmm0
;;   0x24    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x26    i8x16.ne                      [v128:xmm1]
;;             002a  movdqu xmm0, [rbp+0x20]
;;             002f  vpcmpeqb xmm1, xmm1, xmm0
;;             0034  pcmpeqd xmm14, xmm14
;;             0039  pxor xmm1, xmm14
;;   0x28    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x2a    i8x16.lt_s                    [v128:xmm1]
;;             003e  movdqu xmm0, [rbp+0x20]
;;             0043  vpcmpgtb xmm1, xmm0, xmm1
;;   0x2c    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x2e    i8x16.lt_u                    [v128:xmm1]
;;             0048  movdqu xmm0, [rbp+0x20]
;;             004d  vpmaxub xmm15, xmm1, xmm0
;;             0052  vpcmpeqb xmm1, xmm15, xmm1
;;             0057  pcmpeqd xmm14, xmm14
;;             005c  pxor xmm1, xmm14
;;   0x30    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x32    i8x16.gt_s                    [v128:xmm1]
;;             0061  movdqu xmm0, [rbp+0x20]
;;             0066  vpcmpgtb xmm1, xmm1, xmm0
;;   0x34    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x36    i8x16.gt_u                    [v128:xmm1]
;;             006b  movdqu xmm0, [rbp+0x20]
;;             0070  vpminub xmm15, xmm1, xmm0
;;             0075  vpcmpeqb xmm1, xmm15, xmm1
;;             007a  pcmpeqd xmm14, xmm14
;;             007f  pxor xmm1, xmm14
;;   0x38    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x3a    i8x16.le_s                    [v128:xmm1]
;;             0084  movdqu xmm0, [rbp+0x20]
;;             0089  vpminsb xmm15, xmm1, xmm0
;;             008e  vpcmpeqb xmm1, xmm15, xmm1
;;   0x3c    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x3e    i8x16.le_u                    [v128:xmm1]
;;             0093  movdqu xmm0, [rbp+0x20]
;;             0098  vpminub xmm15, xmm1, xmm0
;;             009d  vpcmpeqb xmm1, xmm15, xmm1
;;   0x40    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x42    i8x16.ge_s                    [v128:xmm1]
;;             00a2  movdqu xmm0, [rbp+0x20]
;;             00a7  vpmaxsb xmm15, xmm1, xmm0
;;             00ac  vpcmpeqb xmm1, xmm15, xmm1
;;   0x44    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x46    i8x16.ge_u                    [v128:xmm1]
;;             00b1  movdqu xmm0, [rbp+0x20]
;;             00b6  vpmaxub xmm15, xmm1, xmm0
;;             00bb  vpcmpeqb xmm1, xmm15, xmm1
;;   0x48    end                           (returned)
;;             00c0  movaps xmm0, xmm1
;;             00c4  mov rsp, rbp
;;             00c7  pop rbp
;;             00c8  ret
;;           out-of-line stubs
;;             00c9  ud2  ; trap: call stack exhausted
;;
;; func 1 $i16x8 (param v128 v128) (result v128): 203 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0xc9
;;   0x4b    local.get 0                   [v128:local 0]
;;   0x4d    local.get 1                   [v128:local 0, v128:local 1]
;;   0x4f    i16x8.eq                      [v128:xmm1]
;;             001b  movdqu xmm0, [rbp+0x20]
;;             0020  movdqu xmm1, [rbp+0x10]
;;             0025  vpcmpeqw xmm1, xmm1, xmm0
;;   0x51    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x53    i16x8.ne                      [v128:xmm1]
;;             002a  movdqu xmm0, [rbp+0x20]
;;             002f  vpcmpeqw xmm1, xmm1, xmm0
;;             0034  pcmpeqd xmm14, xmm14
;;             0039  pxor xmm1, xmm14
;;   0x55    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x57    i16x8.lt_s                    [v128:xmm1]
;;             003e  movdqu xmm0, [rbp+0x20]
;;             0043  vpcmpgtw xmm1, xmm0, xmm1
;;   0x59    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x5b    i16x8.lt_u                    [v128:xmm1]
;;             0048  movdqu xmm0, [rbp+0x20]
;;             004d  vpmaxuw xmm15, xmm1, xmm0
;;             0052  vpcmpeqw xmm1, xmm15, xmm1
;;             0057  pcmpeqd xmm14, xmm14
;;             005c  pxor xmm1, xmm14
;;   0x5d    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x5f    i16x8.gt_s                    [v128:xmm1]
;;             0061  movdqu xmm0, [rbp+0x20]
;;             0066  vpcmpgtw xmm1, xmm1, xmm0
;;   0x61    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x63    i16x8.gt_u                    [v128:xmm1]
;;             006b  movdqu xmm0, [rbp+0x20]
;;             0070  vpminuw xmm15, xmm1, xmm0
;;             0075  vpcmpeqw xmm1, xmm15, xmm1
;;             007a  pcmpeqd xmm14, xmm14
;;             007f  pxor xmm1, xmm14
;;   0x65    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x67    i16x8.le_s                    [v128:xmm1]
;;             0084  movdqu xmm0, [rbp+0x20]
;;             0089  vpminsw xmm15, xmm1, xmm0
;;             008e  vpcmpeqw xmm1, xmm15, xmm1
;;   0x69    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x6b    i16x8.le_u                    [v128:xmm1]
;;             0093  movdqu xmm0, [rbp+0x20]
;;             0098  vpminuw xmm15, xmm1, xmm0
;;             009d  vpcmpeqw xmm1, xmm15, xmm1
;;   0x6d    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x6f    i16x8.ge_s                    [v128:xmm1]
;;             00a2  movdqu xmm0, [rbp+0x20]
;;             00a7  vpmaxsw xmm15, xmm1, xmm0
;;             00ac  vpcmpeqw xmm1, xmm15, xmm1
;;   0x71    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x73    i16x8.ge_u                    [v128:xmm1]
;;             00b1  movdqu xmm0, [rbp+0x20]
;;             00b6  vpmaxuw xmm15, xmm1, xmm0
;;             00bb  vpcmpeqw xmm1, xmm15, xmm1
;;   0x75    end                           (returned)
;;             00c0  movaps xmm0, xmm1
;;             00c4  mov rsp, rbp
;;             00c7  pop rbp
;;             00c8  ret
;;           out-of-line stubs
;;             00c9  ud2  ; trap: call stack exhausted
;;
;; func 2 $i32x4 (param v128 v128) (result v128): 203 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0xc9
;;   0x78    local.get 0                   [v128:local 0]
;;   0x7a    local.get 1                   [v128:local 0, v128:local 1]
;;   0x7c    i32x4.eq                      [v128:xmm1]
;;             001b  movdqu xmm0, [rbp+0x20]
;;             0020  movdqu xmm1, [rbp+0x10]
;;             0025  vpcmpeqd xmm1, xmm1, xmm0
;;   0x7e    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x80    i32x4.ne                      [v128:xmm1]
;;             002a  movdqu xmm0, [rbp+0x20]
;;             002f  vpcmpeqd xmm1, xmm1, xmm0
;;             0034  pcmpeqd xmm14, xmm14
;;             0039  pxor xmm1, xmm14
;;   0x82    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x84    i32x4.lt_s                    [v128:xmm1]
;;             003e  movdqu xmm0, [rbp+0x20]
;;             0043  vpcmpgtd xmm1, xmm0, xmm1
;;   0x86    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x88    i32x4.lt_u                    [v128:xmm1]
;;             0048  movdqu xmm0, [rbp+0x20]
;;             004d  vpmaxud xmm15, xmm1, xmm0
;;             0052  vpcmpeqd xmm1, xmm15, xmm1
;;             0057  pcmpeqd xmm14, xmm14
;;             005c  pxor xmm1, xmm14
;;   0x8a    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x8c    i32x4.gt_s                    [v128:xmm1]
;;             0061  movdqu xmm0, [rbp+0x20]
;;             0066  vpcmpgtd xmm1, xmm1, xmm0
;;   0x8e    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x90    i32x4.gt_u                    [v128:xmm1]
;;             006b  movdqu xmm0, [rbp+0x20]
;;             0070  vpminud xmm15, xmm1, xmm0
;;             0075  vpcmpeqd xmm1, xmm15, xmm1
;;             007a  pcmpeqd xmm14, xmm14
;;             007f  pxor xmm1, xmm14
;;   0x92    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x94    i32x4.le_s                    [v128:xmm1]
;;             0084  movdqu xmm0, [rbp+0x20]
;;             0089  vpminsd xmm15, xmm1, xmm0
;;             008e  vpcmpeqd xmm1, xmm15, xmm1
;;   0x96    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x98    i32x4.le_u                    [v128:xmm1]
;;             0093  movdqu xmm0, [rbp+0x20]
;;             0098  vpminud xmm15, xmm1, xmm0
;;             009d  vpcmpeqd xmm1, xmm15, xmm1
;;   0x9a    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x9c    i32x4.ge_s                    [v128:xmm1]
;;             00a2  movdqu xmm0, [rbp+0x20]
;;             00a7  vpmaxsd xmm15, xmm1, xmm0
;;             00ac  vpcmpeqd xmm1, xmm15, xmm1
;;   0x9e    local.get 1                   [v128:xmm1, v128:local 1]
;;   0xa0    i32x4.ge_u                    [v128:xmm1]
;;             00b1  movdqu xmm0, [rbp+0x20]
;;             00b6  vpmaxud xmm15, xmm1, xmm0
;;             00bb  vpcmpeqd xmm1, xmm15, xmm1
;;   0xa2    end                           (returned)
;;             00c0  movaps xmm0, xmm1
;;             00c4  mov rsp, rbp
;;             00c7  pop rbp
;;             00c8  ret
;;           out-of-line stubs
;;             00c9  ud2  ; trap: call stack exhausted
;;
;; func 3 $i64x2 (param v128 v128) (result v128): 133 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x83
;;   0xa5    local.get 0                   [v128:local 0]
;;   0xa7    local.get 1                   [v128:local 0, v128:local 1]
;;   0xa9    i64x2.eq                      [v128:xmm1]
;;             001b  movdqu xmm0, [rbp+0x20]
;;             0020  movdqu xmm1, [rbp+0x10]
;;             0025  vpcmpeqq xmm1, xmm1, xmm0
;;   0xac    local.get 1                   [v128:xmm1, v128:local 1]
;;   0xae    i64x2.ne                      [v128:xmm1]
;;             002a  movdqu xmm0, [rbp+0x20]
;;             002f  vpcmpeqq xmm1, xmm1, xmm0
;;             0034  pcmpeqd xmm14, xmm14
;;             0039  pxor xmm1, xmm14
;;   0xb1    local.get 1                   [v128:xmm1, v128:local 1]
;;   0xb3    i64x2.lt_s                    [v128:xmm1]
;;             003e  movdqu xmm0, [rbp+0x20]
;;             0043  vpcmpgtq xmm1, xmm0, xmm1
;;   0xb6    local.get 1                   [v128:xmm1, v128:local 1]
;;   0xb8    i64x2.gt_s                    [v128:xmm1]
;;             0048  movdqu xmm0, [rbp+0x20]
;;             004d  vpcmpgtq xmm1, xmm1, xmm0
;;   0xbb    local.get 1                   [v128:xmm1, v128:local 1]
;;   0xbd    i64x2.le_s                    [v128:xmm1]
;;             0052  movdqu xmm0, [rbp+0x20]
;;             0057  vpcmpgtq xmm1, xmm1, xmm0
;;             005c  pcmpeqd xmm14, xmm14
;;             0061  pxor xmm1, xmm14
;;   0xc0    local.get 1                   [v128:xmm1, v128:local 1]
;;   0xc2    i64x2.ge_s                    [v128:xmm1]
;;             0066  movdqu xmm0, [rbp+0x20]
;;             006b  vpcmpgtq xmm1, xmm0, xmm1
;;             0070  pcmpeqd xmm14, xmm14
;;             0075  pxor xmm1, xmm14
;;   0xc5    end                           (returned)
;;             007a  movaps xmm0, xmm1
;;             007e  mov rsp, rbp
;;             0081  pop rbp
;;             0082  ret
;;           out-of-line stubs
;;             0083  ud2  ; trap: call stack exhausted

;; ==== expected x86_64:min ====
;; func 0 $i8x16 (param v128 v128) (result v128): 237 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0xeb
;;   0x1e    local.get 0                   [v128:local 0]
;;   0x20    local.get 1                   [v128:local 0, v128:local 1]
;;   0x22    i8x16.eq                      [v128:xmm1]
;;             001b  movdqu xmm0, [rbp+0x20]
;;             0020  movdqu xmm1, [rbp+0x10]
;;             0025  pcmpeqb xmm1, xmm0
;;   0x24    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x26    i8x16.ne                      [v128:xmm1]
;;             002a  movdqu xmm0, [rbp+0x20]
;;             002f  pcmpeqb xmm1, xmm0
;;             0034  pcmpeqd xmm14, xmm14
;;             0039  pxor xmm1, xmm14
;;   0x28    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x2a    i8x16.lt_s                    [v128:xmm1]
;;             003e  movdqu xmm0, [rbp+0x20]
;;             0043  movaps xmm15, xmm0
;;             0047  pcmpgtb xmm15, xmm1
;;             004c  movaps xmm1, xmm15
;;   0x2c    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x2e    i8x16.lt_u                    [v128:xmm1]
;;             0050  movdqu xmm0, [rbp+0x20]
;;             0055  movaps xmm15, xmm0
;;             0059  pmaxub xmm15, xmm1
;;             005e  pcmpeqb xmm1, xmm15
;;             0063  pcmpeqd xmm14, xmm14
;;             0068  pxor xmm1, xmm14
;;   0x30    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x32    i8x16.gt_s                    [v128:xmm1]
;;             006d  movdqu xmm0, [rbp+0x20]
;;             0072  pcmpgtb xmm1, xmm0
;;   0x34    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x36    i8x16.gt_u                    [v128:xmm1]
;;             0077  movdqu xmm0, [rbp+0x20]
;;             007c  movaps xmm15, xmm0
;;             0080  pminub xmm15, xmm1
;;             0085  pcmpeqb xmm1, xmm15
;;             008a  pcmpeqd xmm14, xmm14
;;             008f  pxor xmm1, xmm14
;;   0x38    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x3a    i8x16.le_s                    [v128:xmm1]
;;             0094  movdqu xmm0, [rbp+0x20]
;;             0099  movaps xmm15, xmm0
;;             009d  pminsb xmm15, xmm1
;;             00a3  pcmpeqb xmm1, xmm15
;;   0x3c    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x3e    i8x16.le_u                    [v128:xmm1]
;;             00a8  movdqu xmm0, [rbp+0x20]
;;             00ad  movaps xmm15, xmm0
;;             00b1  pminub xmm15, xmm1
;;             00b6  pcmpeqb xmm1, xmm15
;;   0x40    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x42    i8x16.ge_s                    [v128:xmm1]
;;             00bb  movdqu xmm0, [rbp+0x20]
;;             00c0  movaps xmm15, xmm0
;;             00c4  pmaxsb xmm15, xmm1
;;             00ca  pcmpeqb xmm1, xmm15
;;   0x44    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x46    i8x16.ge_u                    [v128:xmm1]
;;             00cf  movdqu xmm0, [rbp+0x20]
;;             00d4  movaps xmm15, xmm0
;;             00d8  pmaxub xmm15, xmm1
;;             00dd  pcmpeqb xmm1, xmm15
;;   0x48    end                           (returned)
;;             00e2  movaps xmm0, xmm1
;;             00e6  mov rsp, rbp
;;             00e9  pop rbp
;;             00ea  ret
;;           out-of-line stubs
;;             00eb  ud2  ; trap: call stack exhausted
;;
;; func 1 $i16x8 (param v128 v128) (result v128): 239 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0xed
;;   0x4b    local.get 0                   [v128:local 0]
;;   0x4d    local.get 1                   [v128:local 0, v128:local 1]
;;   0x4f    i16x8.eq                      [v128:xmm1]
;;             001b  movdqu xmm0, [rbp+0x20]
;;             0020  movdqu xmm1, [rbp+0x10]
;;             0025  pcmpeqw xmm1, xmm0
;;   0x51    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x53    i16x8.ne                      [v128:xmm1]
;;             002a  movdqu xmm0, [rbp+0x20]
;;             002f  pcmpeqw xmm1, xmm0
;;             0034  pcmpeqd xmm14, xmm14
;;             0039  pxor xmm1, xmm14
;;   0x55    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x57    i16x8.lt_s                    [v128:xmm1]
;;             003e  movdqu xmm0, [rbp+0x20]
;;             0043  movaps xmm15, xmm0
;;             0047  pcmpgtw xmm15, xmm1
;;             004c  movaps xmm1, xmm15
;;   0x59    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x5b    i16x8.lt_u                    [v128:xmm1]
;;             0050  movdqu xmm0, [rbp+0x20]
;;             0055  movaps xmm15, xmm0
;;             0059  pmaxuw xmm15, xmm1
;;             005f  pcmpeqw xmm1, xmm15
;;             0064  pcmpeqd xmm14, xmm14
;;             0069  pxor xmm1, xmm14
;;   0x5d    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x5f    i16x8.gt_s                    [v128:xmm1]
;;             006e  movdqu xmm0, [rbp+0x20]
;;             0073  pcmpgtw xmm1, xmm0
;;   0x61    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x63    i16x8.gt_u                    [v128:xmm1]
;;             0078  movdqu xmm0, [rbp+0x20]
;;             007d  movaps xmm15, xmm0
;;             0081  pminuw xmm15, xmm1
;;             0087  pcmpeqw xmm1, xmm15
;;             008c  pcmpeqd xmm14, xmm14
;;             0091  pxor xmm1, xmm14
;;   0x65    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x67    i16x8.le_s                    [v128:xmm1]
;;             0096  movdqu xmm0, [rbp+0x20]
;;             009b  movaps xmm15, xmm0
;;             009f  pminsw xmm15, xmm1
;;             00a4  pcmpeqw xmm1, xmm15
;;   0x69    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x6b    i16x8.le_u                    [v128:xmm1]
;;             00a9  movdqu xmm0, [rbp+0x20]
;;             00ae  movaps xmm15, xmm0
;;             00b2  pminuw xmm15, xmm1
;;             00b8  pcmpeqw xmm1, xmm15
;;   0x6d    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x6f    i16x8.ge_s                    [v128:xmm1]
;;             00bd  movdqu xmm0, [rbp+0x20]
;;             00c2  movaps xmm15, xmm0
;;             00c6  pmaxsw xmm15, xmm1
;;             00cb  pcmpeqw xmm1, xmm15
;;   0x71    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x73    i16x8.ge_u                    [v128:xmm1]
;;             00d0  movdqu xmm0, [rbp+0x20]
;;             00d5  movaps xmm15, xmm0
;;             00d9  pmaxuw xmm15, xmm1
;;             00df  pcmpeqw xmm1, xmm15
;;   0x75    end                           (returned)
;;             00e4  movaps xmm0, xmm1
;;             00e8  mov rsp, rbp
;;             00eb  pop rbp
;;             00ec  ret
;;           out-of-line stubs
;;             00ed  ud2  ; trap: call stack exhausted
;;
;; func 2 $i32x4 (param v128 v128) (result v128): 241 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0xef
;;   0x78    local.get 0                   [v128:local 0]
;;   0x7a    local.get 1                   [v128:local 0, v128:local 1]
;;   0x7c    i32x4.eq                      [v128:xmm1]
;;             001b  movdqu xmm0, [rbp+0x20]
;;             0020  movdqu xmm1, [rbp+0x10]
;;             0025  pcmpeqd xmm1, xmm0
;;   0x7e    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x80    i32x4.ne                      [v128:xmm1]
;;             002a  movdqu xmm0, [rbp+0x20]
;;             002f  pcmpeqd xmm1, xmm0
;;             0034  pcmpeqd xmm14, xmm14
;;             0039  pxor xmm1, xmm14
;;   0x82    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x84    i32x4.lt_s                    [v128:xmm1]
;;             003e  movdqu xmm0, [rbp+0x20]
;;             0043  movaps xmm15, xmm0
;;             0047  pcmpgtd xmm15, xmm1
;;             004c  movaps xmm1, xmm15
;;   0x86    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x88    i32x4.lt_u                    [v128:xmm1]
;;             0050  movdqu xmm0, [rbp+0x20]
;;             0055  movaps xmm15, xmm0
;;             0059  pmaxud xmm15, xmm1
;;             005f  pcmpeqd xmm1, xmm15
;;             0064  pcmpeqd xmm14, xmm14
;;             0069  pxor xmm1, xmm14
;;   0x8a    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x8c    i32x4.gt_s                    [v128:xmm1]
;;             006e  movdqu xmm0, [rbp+0x20]
;;             0073  pcmpgtd xmm1, xmm0
;;   0x8e    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x90    i32x4.gt_u                    [v128:xmm1]
;;             0078  movdqu xmm0, [rbp+0x20]
;;             007d  movaps xmm15, xmm0
;;             0081  pminud xmm15, xmm1
;;             0087  pcmpeqd xmm1, xmm15
;;             008c  pcmpeqd xmm14, xmm14
;;             0091  pxor xmm1, xmm14
;;   0x92    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x94    i32x4.le_s                    [v128:xmm1]
;;             0096  movdqu xmm0, [rbp+0x20]
;;             009b  movaps xmm15, xmm0
;;             009f  pminsd xmm15, xmm1
;;             00a5  pcmpeqd xmm1, xmm15
;;   0x96    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x98    i32x4.le_u                    [v128:xmm1]
;;             00aa  movdqu xmm0, [rbp+0x20]
;;             00af  movaps xmm15, xmm0
;;             00b3  pminud xmm15, xmm1
;;             00b9  pcmpeqd xmm1, xmm15
;;   0x9a    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x9c    i32x4.ge_s                    [v128:xmm1]
;;             00be  movdqu xmm0, [rbp+0x20]
;;             00c3  movaps xmm15, xmm0
;;             00c7  pmaxsd xmm15, xmm1
;;             00cd  pcmpeqd xmm1, xmm15
;;   0x9e    local.get 1                   [v128:xmm1, v128:local 1]
;;   0xa0    i32x4.ge_u                    [v128:xmm1]
;;             00d2  movdqu xmm0, [rbp+0x20]
;;             00d7  movaps xmm15, xmm0
;;             00db  pmaxud xmm15, xmm1
;;             00e1  pcmpeqd xmm1, xmm15
;;   0xa2    end                           (returned)
;;             00e6  movaps xmm0, xmm1
;;             00ea  mov rsp, rbp
;;             00ed  pop rbp
;;             00ee  ret
;;           out-of-line stubs
;;             00ef  ud2  ; trap: call stack exhausted
;;
;; func 3 $i64x2 (param v128 v128) (result v128): 151 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x95
;;   0xa5    local.get 0                   [v128:local 0]
;;   0xa7    local.get 1                   [v128:local 0, v128:local 1]
;;   0xa9    i64x2.eq                      [v128:xmm1]
;;             001b  movdqu xmm0, [rbp+0x20]
;;             0020  movdqu xmm1, [rbp+0x10]
;;             0025  pcmpeqq xmm1, xmm0
;;   0xac    local.get 1                   [v128:xmm1, v128:local 1]
;;   0xae    i64x2.ne                      [v128:xmm1]
;;             002b  movdqu xmm0, [rbp+0x20]
;;             0030  pcmpeqq xmm1, xmm0
;;             0036  pcmpeqd xmm14, xmm14
;;             003b  pxor xmm1, xmm14
;;   0xb1    local.get 1                   [v128:xmm1, v128:local 1]
;;   0xb3    i64x2.lt_s                    [v128:xmm1]
;;             0040  movdqu xmm0, [rbp+0x20]
;;             0045  movaps xmm15, xmm0
;;             0049  pcmpgtq xmm15, xmm1
;;             004f  movaps xmm1, xmm15
;;   0xb6    local.get 1                   [v128:xmm1, v128:local 1]
;;   0xb8    i64x2.gt_s                    [v128:xmm1]
;;             0053  movdqu xmm0, [rbp+0x20]
;;             0058  pcmpgtq xmm1, xmm0
;;   0xbb    local.get 1                   [v128:xmm1, v128:local 1]
;;   0xbd    i64x2.le_s                    [v128:xmm1]
;;             005e  movdqu xmm0, [rbp+0x20]
;;             0063  pcmpgtq xmm1, xmm0
;;             0069  pcmpeqd xmm14, xmm14
;;             006e  pxor xmm1, xmm14
;;   0xc0    local.get 1                   [v128:xmm1, v128:local 1]
;;   0xc2    i64x2.ge_s                    [v128:xmm1]
;;             0073  movdqu xmm0, [rbp+0x20]
;;             0078  movaps xmm15, xmm0
;;             007c  pcmpgtq xmm15, xmm1
;;             0082  pcmpeqd xmm1, xmm1
;;             0087  pxor xmm1, xmm15
;;   0xc5    end                           (returned)
;;             008c  movaps xmm0, xmm1
;;             0090  mov rsp, rbp
;;             0093  pop rbp
;;             0094  ret
;;           out-of-line stubs
;;             0095  ud2  ; trap: call stack exhausted

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
