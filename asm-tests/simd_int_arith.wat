;; targets: x86_64 x86_64:min aarch64
;;
;; Integer lane arithmetic, one function per lane shape, each operator
;; taking the previous result and a parameter: wrapping add, sub and mul;
;; saturating add and sub; min, max and the rounding average; abs, neg
;; and popcnt; the Q15 rounding multiply and the i16 dot product. x86-64
;; composes the ones SSE lacks: i8 popcnt (a nibble table and pshufb),
;; i64 mul (three 32-bit multiplies), i64 abs, neg (subtract from zero)
;; and the saturating Q15 multiply (pmulhrsw, then a fix for
;; -1.0 * -1.0). NEON lacks only i64 mul, done lane by lane in general
;; registers.

(module
  (func $i8x16 (param v128 v128) (result v128)
    (i8x16.add (local.get 0) (local.get 1))
    (i8x16.sub (local.get 1))
    (i8x16.add_sat_s (local.get 1))
    (i8x16.add_sat_u (local.get 1))
    (i8x16.sub_sat_s (local.get 1))
    (i8x16.sub_sat_u (local.get 1))
    (i8x16.min_s (local.get 1))
    (i8x16.min_u (local.get 1))
    (i8x16.max_s (local.get 1))
    (i8x16.max_u (local.get 1))
    (i8x16.avgr_u (local.get 1))
    (i8x16.abs)
    (i8x16.neg)
    (i8x16.popcnt))
  (func $i16x8 (param v128 v128) (result v128)
    (i16x8.add (local.get 0) (local.get 1))
    (i16x8.sub (local.get 1))
    (i16x8.mul (local.get 1))
    (i16x8.add_sat_s (local.get 1))
    (i16x8.add_sat_u (local.get 1))
    (i16x8.sub_sat_s (local.get 1))
    (i16x8.sub_sat_u (local.get 1))
    (i16x8.min_s (local.get 1))
    (i16x8.min_u (local.get 1))
    (i16x8.max_s (local.get 1))
    (i16x8.max_u (local.get 1))
    (i16x8.avgr_u (local.get 1))
    (i16x8.q15mulr_sat_s (local.get 1))
    (i16x8.abs)
    (i16x8.neg))
  (func $i32x4 (param v128 v128) (result v128)
    (i32x4.add (local.get 0) (local.get 1))
    (i32x4.sub (local.get 1))
    (i32x4.mul (local.get 1))
    (i32x4.min_s (local.get 1))
    (i32x4.min_u (local.get 1))
    (i32x4.max_s (local.get 1))
    (i32x4.max_u (local.get 1))
    (i32x4.dot_i16x8_s (local.get 1))
    (i32x4.abs)
    (i32x4.neg))
  (func $i64x2 (param v128 v128) (result v128)
    (i64x2.add (local.get 0) (local.get 1))
    (i64x2.sub (local.get 1))
    (i64x2.mul (local.get 1))
    (i64x2.abs)
    (i64x2.neg)))

;; ==== expected x86_64 ====
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
;;   0x22    i8x16.add                     [v128:xmm1]
;;             001b  movdqu xmm0, [rbp+0x20]
;;             0020  movdqu xmm1, [rbp+0x10]
;;             0025  vpaddb xmm1, xmm1, xmm0
;;   0x24    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x26    i8x16.sub                     [v128:xmm1]
;;             002a  movdqu xmm0, [rbp+0x20]
;;             002f  vpsubb xmm1, xmm1, xmm0
;;   0x28    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x2a    i8x16.add_sat_s               [v128:xmm1]
;;             0034  movdqu xmm0, [rbp+0x20]
;;             0039  vpaddsb xmm1, xmm1, xmm0
;;   0x2c    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x2e    i8x16.add_sat_u               [v128:xmm1]
;;             003e  movdqu xmm0, [rbp+0x20]
;;             0043  vpaddusb xmm1, xmm1, xmm0
;;   0x30    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x32    i8x16.sub_sat_s               [v128:xmm1]
;;             0048  movdqu xmm0, [rbp+0x20]
;;             004d  vpsubsb xmm1, xmm1, xmm0
;;   0x34    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x36    i8x16.sub_sat_u               [v128:xmm1]
;;             0052  movdqu xmm0, [rbp+0x20]
;;             0057  vpsubusb xmm1, xmm1, xmm0
;;   0x38    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x3a    i8x16.min_s                   [v128:xmm1]
;;             005c  movdqu xmm0, [rbp+0x20]
;;             0061  vpminsb xmm1, xmm1, xmm0
;;   0x3c    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x3e    i8x16.min_u                   [v128:xmm1]
;;             0066  movdqu xmm0, [rbp+0x20]
;;             006b  vpminub xmm1, xmm1, xmm0
;;   0x40    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x42    i8x16.max_s                   [v128:xmm1]
;;             0070  movdqu xmm0, [rbp+0x20]
;;             0075  vpmaxsb xmm1, xmm1, xmm0
;;   0x44    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x46    i8x16.max_u                   [v128:xmm1]
;;             007a  movdqu xmm0, [rbp+0x20]
;;             007f  vpmaxub xmm1, xmm1, xmm0
;;   0x48    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x4a    i8x16.avgr_u                  [v128:xmm1]
;;             0084  movdqu xmm0, [rbp+0x20]
;;             0089  vpavgb xmm1, xmm1, xmm0
;;   0x4c    i8x16.abs                     [v128:xmm1]
;;             008e  pabsb xmm1, xmm1
;;   0x4e    i8x16.neg                     [v128:xmm1]
;;             0094  pxor xmm15, xmm15
;;             0099  vpsubb xmm1, xmm15, xmm1
;;   0x50    i8x16.popcnt                  [v128:xmm1]
;;             009e  mov eax, 0xf0f0f0f
;;             00a3  movd xmm15, eax
;;             00a8  pshufd xmm15, xmm15, 0
;;             00ae  vpsrlw xmm14, xmm1, 4
;;             00b4  vpand xmm14, xmm14, xmm15
;;             00b9  vpand xmm15, xmm15, xmm1
;;             00be  mov rax, 0x302020102010100
;;             00c8  mov rcx, 0x403030203020201
;;             00d2  movq xmm1, rax
;;             00d7  pinsrq xmm1, rcx, 1
;;             00de  vpshufb xmm15, xmm1, xmm15
;;             00e3  vpshufb xmm1, xmm1, xmm14
;;             00e8  vpaddb xmm1, xmm1, xmm15
;;   0x52    end                           (returned)
;;             00ed  movaps xmm0, xmm1
;;             00f1  mov rsp, rbp
;;             00f4  pop rbp
;;             00f5  ret
;;           out-of-line stubs
;;             00f6  ud2  ; trap: call stack exhausted
;;
;; func 1 $i16x8 (param v128 v128) (result v128): 210 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0xd0
;;   0x55    local.get 0                   [v128:local 0]
;;   0x57    local.get 1                   [v128:local 0, v128:local 1]
;;   0x59    i16x8.add                     [v128:xmm1]
;;             001b  movdqu xmm0, [rbp+0x20]
;;             0020  movdqu xmm1, [rbp+0x10]
;;             0025  vpaddw xmm1, xmm1, xmm0
;;   0x5c    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x5e    i16x8.sub                     [v128:xmm1]
;;             002a  movdqu xmm0, [rbp+0x20]
;;             002f  vpsubw xmm1, xmm1, xmm0
;;   0x61    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x63    i16x8.mul                     [v128:xmm1]
;;             0034  movdqu xmm0, [rbp+0x20]
;;             0039  vpmullw xmm1, xmm1, xmm0
;;   0x66    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x68    i16x8.add_sat_s               [v128:xmm1]
;;             003e  movdqu xmm0, [rbp+0x20]
;;             0043  vpaddsw xmm1, xmm1, xmm0
;;   0x6b    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x6d    i16x8.add_sat_u               [v128:xmm1]
;;             0048  movdqu xmm0, [rbp+0x20]
;;             004d  vpaddusw xmm1, xmm1, xmm0
;;   0x70    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x72    i16x8.sub_sat_s               [v128:xmm1]
;;             0052  movdqu xmm0, [rbp+0x20]
;;             0057  vpsubsw xmm1, xmm1, xmm0
;;   0x75    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x77    i16x8.sub_sat_u               [v128:xmm1]
;;             005c  movdqu xmm0, [rbp+0x20]
;;             0061  vpsubusw xmm1, xmm1, xmm0
;;   0x7a    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x7c    i16x8.min_s                   [v128:xmm1]
;;             0066  movdqu xmm0, [rbp+0x20]
;;             006b  vpminsw xmm1, xmm1, xmm0
;;   0x7f    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x81    i16x8.min_u                   [v128:xmm1]
;;             0070  movdqu xmm0, [rbp+0x20]
;;             0075  vpminuw xmm1, xmm1, xmm0
;;   0x84    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x86    i16x8.max_s                   [v128:xmm1]
;;             007a  movdqu xmm0, [rbp+0x20]
;;             007f  vpmaxsw xmm1, xmm1, xmm0
;;   0x89    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x8b    i16x8.max_u                   [v128:xmm1]
;;             0084  movdqu xmm0, [rbp+0x20]
;;             0089  vpmaxuw xmm1, xmm1, xmm0
;;   0x8e    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x90    i16x8.avgr_u                  [v128:xmm1]
;;             008e  movdqu xmm0, [rbp+0x20]
;;             0093  vpavgw xmm1, xmm1, xmm0
;;   0x93    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x95    i16x8.q15mulr_sat_s           [v128:xmm1]
;;             0098  movdqu xmm0, [rbp+0x20]
;;             009d  vpmulhrsw xmm1, xmm1, xmm0
;;             00a2  pcmpeqw xmm15, xmm15
;;             00a7  psllw xmm15, 0xf
;;             00ad  pcmpeqw xmm15, xmm1
;;             00b2  pxor xmm1, xmm15
;;   0x98    i16x8.abs                     [v128:xmm1]
;;             00b7  pabsw xmm1, xmm1
;;   0x9b    i16x8.neg                     [v128:xmm1]
;;             00bd  pxor xmm15, xmm15
;;             00c2  vpsubw xmm1, xmm15, xmm1
;;   0x9e    end                           (returned)
;;             00c7  movaps xmm0, xmm1
;;             00cb  mov rsp, rbp
;;             00ce  pop rbp
;;             00cf  ret
;;           out-of-line stubs
;;             00d0  ud2  ; trap: call stack exhausted
;;
;; func 2 $i32x4 (param v128 v128) (result v128): 139 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x89
;;   0xa1    local.get 0                   [v128:local 0]
;;   0xa3    local.get 1                   [v128:local 0, v128:local 1]
;;   0xa5    i32x4.add                     [v128:xmm1]
;;             001b  movdqu xmm0, [rbp+0x20]
;;             0020  movdqu xmm1, [rbp+0x10]
;;             0025  vpaddd xmm1, xmm1, xmm0
;;   0xa8    local.get 1                   [v128:xmm1, v128:local 1]
;;   0xaa    i32x4.sub                     [v128:xmm1]
;;             002a  movdqu xmm0, [rbp+0x20]
;;             002f  vpsubd xmm1, xmm1, xmm0
;;   0xad    local.get 1                   [v128:xmm1, v128:local 1]
;;   0xaf    i32x4.mul                     [v128:xmm1]
;;             0034  movdqu xmm0, [rbp+0x20]
;;             0039  vpmulld xmm1, xmm1, xmm0
;;   0xb2    local.get 1                   [v128:xmm1, v128:local 1]
;;   0xb4    i32x4.min_s                   [v128:xmm1]
;;             003e  movdqu xmm0, [rbp+0x20]
;;             0043  vpminsd xmm1, xmm1, xmm0
;;   0xb7    local.get 1                   [v128:xmm1, v128:local 1]
;;   0xb9    i32x4.min_u                   [v128:xmm1]
;;             0048  movdqu xmm0, [rbp+0x20]
;;             004d  vpminud xmm1, xmm1, xmm0
;;   0xbc    local.get 1                   [v128:xmm1, v128:local 1]
;;   0xbe    i32x4.max_s                   [v128:xmm1]
;;             0052  movdqu xmm0, [rbp+0x20]
;;             0057  vpmaxsd xmm1, xmm1, xmm0
;;   0xc1    local.get 1                   [v128:xmm1, v128:local 1]
;;   0xc3    i32x4.max_u                   [v128:xmm1]
;;             005c  movdqu xmm0, [rbp+0x20]
;;             0061  vpmaxud xmm1, xmm1, xmm0
;;   0xc6    local.get 1                   [v128:xmm1, v128:local 1]
;;   0xc8    i32x4.dot_i16x8_s             [v128:xmm1]
;;             0066  movdqu xmm0, [rbp+0x20]
;;             006b  vpmaddwd xmm1, xmm1, xmm0
;;   0xcb    i32x4.abs                     [v128:xmm1]
;;             0070  pabsd xmm1, xmm1
;;   0xce    i32x4.neg                     [v128:xmm1]
;;             0076  pxor xmm15, xmm15
;;             007b  vpsubd xmm1, xmm15, xmm1
;;   0xd1    end                           (returned)
;;             0080  movaps xmm0, xmm1
;;             0084  mov rsp, rbp
;;             0087  pop rbp
;;             0088  ret
;;           out-of-line stubs
;;             0089  ud2  ; trap: call stack exhausted
;;
;; func 3 $i64x2 (param v128 v128) (result v128): 142 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x8c
;;   0xd4    local.get 0                   [v128:local 0]
;;   0xd6    local.get 1                   [v128:local 0, v128:local 1]
;;   0xd8    i64x2.add                     [v128:xmm1]
;;             001b  movdqu xmm0, [rbp+0x20]
;;             0020  movdqu xmm1, [rbp+0x10]
;;             0025  vpaddq xmm1, xmm1, xmm0
;;   0xdb    local.get 1                   [v128:xmm1, v128:local 1]
;;   0xdd    i64x2.sub                     [v128:xmm1]
;;             002a  movdqu xmm0, [rbp+0x20]
;;             002f  vpsubq xmm1, xmm1, xmm0
;;   0xe0    local.get 1                   [v128:xmm1, v128:local 1]
;;   0xe2    i64x2.mul                     [v128:xmm1]
;;             0034  movdqu xmm0, [rbp+0x20]
;;             0039  vpsrlq xmm15, xmm1, 0x20
;;             003f  vpmuludq xmm15, xmm15, xmm0
;;             0044  vpsrlq xmm14, xmm0, 0x20
;;             004a  vpmuludq xmm14, xmm14, xmm1
;;             004f  vpaddq xmm15, xmm15, xmm14
;;             0054  vpsllq xmm15, xmm15, 0x20
;;             005a  vpmuludq xmm1, xmm1, xmm0
;;             005f  vpaddq xmm1, xmm1, xmm15
;;   0xe5    i64x2.abs                     [v128:xmm1]
;;             0064  pxor xmm15, xmm15
;;             0069  pcmpgtq xmm15, xmm1
;;             006f  pxor xmm1, xmm15
;;             0074  psubq xmm1, xmm15
;;   0xe8    i64x2.neg                     [v128:xmm1]
;;             0079  pxor xmm15, xmm15
;;             007e  vpsubq xmm1, xmm15, xmm1
;;   0xeb    end                           (returned)
;;             0083  movaps xmm0, xmm1
;;             0087  mov rsp, rbp
;;             008a  pop rbp
;;             008b  ret
;;           out-of-line stubs
;;             008c  ud2  ; trap: call stack exhausted

;; ==== expected x86_64:min ====
;; func 0 $i8x16 (param v128 v128) (result v128): 272 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x10e
;;   0x1e    local.get 0                   [v128:local 0]
;;   0x20    local.get 1                   [v128:local 0, v128:local 1]
;;   0x22    i8x16.add                     [v128:xmm1]
;;             001b  movdqu xmm0, [rbp+0x20]
;;             0020  movdqu xmm1, [rbp+0x10]
;;             0025  paddb xmm1, xmm0
;;   0x24    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x26    i8x16.sub                     [v128:xmm1]
;;             002a  movdqu xmm0, [rbp+0x20]
;;             002f  psubb xmm1, xmm0
;;   0x28    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x2a    i8x16.add_sat_s               [v128:xmm1]
;;             0034  movdqu xmm0, [rbp+0x20]
;;             0039  paddsb xmm1, xmm0
;;   0x2c    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x2e    i8x16.add_sat_u               [v128:xmm1]
;;             003e  movdqu xmm0, [rbp+0x20]
;;             0043  paddusb xmm1, xmm0
;;   0x30    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x32    i8x16.sub_sat_s               [v128:xmm1]
;;             0048  movdqu xmm0, [rbp+0x20]
;;             004d  psubsb xmm1, xmm0
;;   0x34    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x36    i8x16.sub_sat_u               [v128:xmm1]
;;             0052  movdqu xmm0, [rbp+0x20]
;;             0057  psubusb xmm1, xmm0
;;   0x38    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x3a    i8x16.min_s                   [v128:xmm1]
;;             005c  movdqu xmm0, [rbp+0x20]
;;             0061  pminsb xmm1, xmm0
;;   0x3c    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x3e    i8x16.min_u                   [v128:xmm1]
;;             0067  movdqu xmm0, [rbp+0x20]
;;             006c  pminub xmm1, xmm0
;;   0x40    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x42    i8x16.max_s                   [v128:xmm1]
;;             0071  movdqu xmm0, [rbp+0x20]
;;             0076  pmaxsb xmm1, xmm0
;;   0x44    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x46    i8x16.max_u                   [v128:xmm1]
;;             007c  movdqu xmm0, [rbp+0x20]
;;             0081  pmaxub xmm1, xmm0
;;   0x48    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x4a    i8x16.avgr_u                  [v128:xmm1]
;;             0086  movdqu xmm0, [rbp+0x20]
;;             008b  pavgb xmm1, xmm0
;;   0x4c    i8x16.abs                     [v128:xmm1]
;;             0090  pabsb xmm1, xmm1
;;   0x4e    i8x16.neg                     [v128:xmm1]
;;             0096  pxor xmm15, xmm15
;;             009b  psubb xmm15, xmm1
;;             00a0  movaps xmm1, xmm15
;;   0x50    i8x16.popcnt                  [v128:xmm1]
;;             00a4  mov eax, 0xf0f0f0f
;;             00a9  movd xmm15, eax
;;             00ae  pshufd xmm15, xmm15, 0
;;             00b4  movaps xmm14, xmm1
;;             00b8  psrlw xmm14, 4
;;             00be  pand xmm14, xmm15
;;             00c3  pand xmm15, xmm1
;;             00c8  mov rax, 0x302020102010100
;;             00d2  mov rcx, 0x403030203020201
;;             00dc  movq xmm1, rax
;;             00e1  pinsrq xmm1, rcx, 1
;;             00e8  pshufb xmm1, xmm15
;;             00ee  movq xmm15, rax
;;             00f3  pinsrq xmm15, rcx, 1
;;             00fa  pshufb xmm15, xmm14
;;             0100  paddb xmm1, xmm15
;;   0x52    end                           (returned)
;;             0105  movaps xmm0, xmm1
;;             0109  mov rsp, rbp
;;             010c  pop rbp
;;             010d  ret
;;           out-of-line stubs
;;             010e  ud2  ; trap: call stack exhausted
;;
;; func 1 $i16x8 (param v128 v128) (result v128): 217 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0xd7
;;   0x55    local.get 0                   [v128:local 0]
;;   0x57    local.get 1                   [v128:local 0, v128:local 1]
;;   0x59    i16x8.add                     [v128:xmm1]
;;             001b  movdqu xmm0, [rbp+0x20]
;;             0020  movdqu xmm1, [rbp+0x10]
;;             0025  paddw xmm1, xmm0
;;   0x5c    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x5e    i16x8.sub                     [v128:xmm1]
;;             002a  movdqu xmm0, [rbp+0x20]
;;             002f  psubw xmm1, xmm0
;;   0x61    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x63    i16x8.mul                     [v128:xmm1]
;;             0034  movdqu xmm0, [rbp+0x20]
;;             0039  pmullw xmm1, xmm0
;;   0x66    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x68    i16x8.add_sat_s               [v128:xmm1]
;;             003e  movdqu xmm0, [rbp+0x20]
;;             0043  paddsw xmm1, xmm0
;;   0x6b    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x6d    i16x8.add_sat_u               [v128:xmm1]
;;             0048  movdqu xmm0, [rbp+0x20]
;;             004d  paddusw xmm1, xmm0
;;   0x70    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x72    i16x8.sub_sat_s               [v128:xmm1]
;;             0052  movdqu xmm0, [rbp+0x20]
;;             0057  psubsw xmm1, xmm0
;;   0x75    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x77    i16x8.sub_sat_u               [v128:xmm1]
;;             005c  movdqu xmm0, [rbp+0x20]
;;             0061  psubusw xmm1, xmm0
;;   0x7a    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x7c    i16x8.min_s                   [v128:xmm1]
;;             0066  movdqu xmm0, [rbp+0x20]
;;             006b  pminsw xmm1, xmm0
;;   0x7f    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x81    i16x8.min_u                   [v128:xmm1]
;;             0070  movdqu xmm0, [rbp+0x20]
;;             0075  pminuw xmm1, xmm0
;;   0x84    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x86    i16x8.max_s                   [v128:xmm1]
;;             007b  movdqu xmm0, [rbp+0x20]
;;             0080  pmaxsw xmm1, xmm0
;;   0x89    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x8b    i16x8.max_u                   [v128:xmm1]
;;             0085  movdqu xmm0, [rbp+0x20]
;;             008a  pmaxuw xmm1, xmm0
;;   0x8e    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x90    i16x8.avgr_u                  [v128:xmm1]
;;             0090  movdqu xmm0, [rbp+0x20]
;;             0095  pavgw xmm1, xmm0
;;   0x93    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x95    i16x8.q15mulr_sat_s           [v128:xmm1]
;;             009a  movdqu xmm0, [rbp+0x20]
;;             009f  pmulhrsw xmm1, xmm0
;;             00a5  pcmpeqw xmm15, xmm15
;;             00aa  psllw xmm15, 0xf
;;             00b0  pcmpeqw xmm15, xmm1
;;             00b5  pxor xmm1, xmm15
;;   0x98    i16x8.abs                     [v128:xmm1]
;;             00ba  pabsw xmm1, xmm1
;;   0x9b    i16x8.neg                     [v128:xmm1]
;;             00c0  pxor xmm15, xmm15
;;             00c5  psubw xmm15, xmm1
;;             00ca  movaps xmm1, xmm15
;;   0x9e    end                           (returned)
;;             00ce  movaps xmm0, xmm1
;;             00d2  mov rsp, rbp
;;             00d5  pop rbp
;;             00d6  ret
;;           out-of-line stubs
;;             00d7  ud2  ; trap: call stack exhausted
;;
;; func 2 $i32x4 (param v128 v128) (result v128): 148 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x92
;;   0xa1    local.get 0                   [v128:local 0]
;;   0xa3    local.get 1                   [v128:local 0, v128:local 1]
;;   0xa5    i32x4.add                     [v128:xmm1]
;;             001b  movdqu xmm0, [rbp+0x20]
;;             0020  movdqu xmm1, [rbp+0x10]
;;             0025  paddd xmm1, xmm0
;;   0xa8    local.get 1                   [v128:xmm1, v128:local 1]
;;   0xaa    i32x4.sub                     [v128:xmm1]
;;             002a  movdqu xmm0, [rbp+0x20]
;;             002f  psubd xmm1, xmm0
;;   0xad    local.get 1                   [v128:xmm1, v128:local 1]
;;   0xaf    i32x4.mul                     [v128:xmm1]
;;             0034  movdqu xmm0, [rbp+0x20]
;;             0039  pmulld xmm1, xmm0
;;   0xb2    local.get 1                   [v128:xmm1, v128:local 1]
;;   0xb4    i32x4.min_s                   [v128:xmm1]
;;             003f  movdqu xmm0, [rbp+0x20]
;;             0044  pminsd xmm1, xmm0
;;   0xb7    local.get 1                   [v128:xmm1, v128:local 1]
;;   0xb9    i32x4.min_u                   [v128:xmm1]
;;             004a  movdqu xmm0, [rbp+0x20]
;;             004f  pminud xmm1, xmm0
;;   0xbc    local.get 1                   [v128:xmm1, v128:local 1]
;;   0xbe    i32x4.max_s                   [v128:xmm1]
;;             0055  movdqu xmm0, [rbp+0x20]
;;             005a  pmaxsd xmm1, xmm0
;;   0xc1    local.get 1                   [v128:xmm1, v128:local 1]
;;   0xc3    i32x4.max_u                   [v128:xmm1]
;;             0060  movdqu xmm0, [rbp+0x20]
;;             0065  pmaxud xmm1, xmm0
;;   0xc6    local.get 1                   [v128:xmm1, v128:local 1]
;;   0xc8    i32x4.dot_i16x8_s             [v128:xmm1]
;;             006b  movdqu xmm0, [rbp+0x20]
;;             0070  pmaddwd xmm1, xmm0
;;   0xcb    i32x4.abs                     [v128:xmm1]
;;             0075  pabsd xmm1, xmm1
;;   0xce    i32x4.neg                     [v128:xmm1]
;;             007b  pxor xmm15, xmm15
;;             0080  psubd xmm15, xmm1
;;             0085  movaps xmm1, xmm15
;;   0xd1    end                           (returned)
;;             0089  movaps xmm0, xmm1
;;             008d  mov rsp, rbp
;;             0090  pop rbp
;;             0091  ret
;;           out-of-line stubs
;;             0092  ud2  ; trap: call stack exhausted
;;
;; func 3 $i64x2 (param v128 v128) (result v128): 154 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x98
;;   0xd4    local.get 0                   [v128:local 0]
;;   0xd6    local.get 1                   [v128:local 0, v128:local 1]
;;   0xd8    i64x2.add                     [v128:xmm1]
;;             001b  movdqu xmm0, [rbp+0x20]
;;             0020  movdqu xmm1, [rbp+0x10]
;;             0025  paddq xmm1, xmm0
;;   0xdb    local.get 1                   [v128:xmm1, v128:local 1]
;;   0xdd    i64x2.sub                     [v128:xmm1]
;;             002a  movdqu xmm0, [rbp+0x20]
;;             002f  psubq xmm1, xmm0
;;   0xe0    local.get 1                   [v128:xmm1, v128:local 1]
;;   0xe2    i64x2.mul                     [v128:xmm1]
;;             0034  movdqu xmm0, [rbp+0x20]
;;             0039  movaps xmm15, xmm1
;;             003d  psrlq xmm15, 0x20
;;             0043  pmuludq xmm15, xmm0
;;             0048  movaps xmm14, xmm0
;;             004c  psrlq xmm14, 0x20
;;             0052  pmuludq xmm14, xmm1
;;             0057  paddq xmm15, xmm14
;;             005c  psllq xmm15, 0x20
;;             0062  pmuludq xmm1, xmm0
;;             0067  paddq xmm1, xmm15
;;   0xe5    i64x2.abs                     [v128:xmm1]
;;             006c  pxor xmm15, xmm15
;;             0071  pcmpgtq xmm15, xmm1
;;             0077  pxor xmm1, xmm15
;;             007c  psubq xmm1, xmm15
;;   0xe8    i64x2.neg                     [v128:xmm1]
;;             0081  pxor xmm15, xmm15
;;             0086  psubq xmm15, xmm1
;;             008b  movaps xmm1, xmm15
;;   0xeb    end                           (returned)
;;             008f  movaps xmm0, xmm1
;;             0093  mov rsp, rbp
;;             0096  pop rbp
;;             0097  ret
;;           out-of-line stubs
;;             0098  ud2  ; trap: call stack exhausted

;; ==== expected aarch64 ====
;; func 0 $i8x16 (param v128 v128) (result v128): 164 bytes of aarch64
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
;;             0024  b.lo 0xa0
;;   0x1e    local.get 0                   [v128:local 0]
;;   0x20    local.get 1                   [v128:local 0, v128:local 1]
;;   0x22    i8x16.add                     [v128:q1]
;;             0028  ldr q0, [x29, #0x20]
;;             002c  ldr q1, [x29, #0x10]
;;             0030  add v1.16b, v1.16b, v0.16b
;;   0x24    local.get 1                   [v128:q1, v128:local 1]
;;   0x26    i8x16.sub                     [v128:q1]
;;             0034  ldr q0, [x29, #0x20]
;;             0038  sub v1.16b, v1.16b, v0.16b
;;   0x28    local.get 1                   [v128:q1, v128:local 1]
;;   0x2a    i8x16.add_sat_s               [v128:q1]
;;             003c  ldr q0, [x29, #0x20]
;;             0040  sqadd v1.16b, v1.16b, v0.16b
;;   0x2c    local.get 1                   [v128:q1, v128:local 1]
;;   0x2e    i8x16.add_sat_u               [v128:q1]
;;             0044  ldr q0, [x29, #0x20]
;;             0048  uqadd v1.16b, v1.16b, v0.16b
;;   0x30    local.get 1                   [v128:q1, v128:local 1]
;;   0x32    i8x16.sub_sat_s               [v128:q1]
;;             004c  ldr q0, [x29, #0x20]
;;             0050  sqsub v1.16b, v1.16b, v0.16b
;;   0x34    local.get 1                   [v128:q1, v128:local 1]
;;   0x36    i8x16.sub_sat_u               [v128:q1]
;;             0054  ldr q0, [x29, #0x20]
;;             0058  uqsub v1.16b, v1.16b, v0.16b
;;   0x38    local.get 1                   [v128:q1, v128:local 1]
;;   0x3a    i8x16.min_s                   [v128:q1]
;;             005c  ldr q0, [x29, #0x20]
;;             0060  smin v1.16b, v1.16b, v0.16b
;;   0x3c    local.get 1                   [v128:q1, v128:local 1]
;;   0x3e    i8x16.min_u                   [v128:q1]
;;             0064  ldr q0, [x29, #0x20]
;;             0068  umin v1.16b, v1.16b, v0.16b
;;   0x40    local.get 1                   [v128:q1, v128:local 1]
;;   0x42    i8x16.max_s                   [v128:q1]
;;             006c  ldr q0, [x29, #0x20]
;;             0070  smax v1.16b, v1.16b, v0.16b
;;   0x44    local.get 1                   [v128:q1, v128:local 1]
;;   0x46    i8x16.max_u                   [v128:q1]
;;             0074  ldr q0, [x29, #0x20]
;;             0078  umax v1.16b, v1.16b, v0.16b
;;   0x48    local.get 1                   [v128:q1, v128:local 1]
;;   0x4a    i8x16.avgr_u                  [v128:q1]
;;             007c  ldr q0, [x29, #0x20]
;;             0080  urhadd v1.16b, v1.16b, v0.16b
;;   0x4c    i8x16.abs                     [v128:q1]
;;             0084  abs v1.16b, v1.16b
;;   0x4e    i8x16.neg                     [v128:q1]
;;             0088  neg v1.16b, v1.16b
;;   0x50    i8x16.popcnt                  [v128:q1]
;;             008c  cnt v1.16b, v1.16b
;;   0x52    end                           (returned)
;;             0090  mov v0.16b, v1.16b
;;             0094  mov sp, x29
;;             0098  ldp x29, x30, [sp], #0x10
;;             009c  ret
;;           out-of-line stubs
;;             00a0  udf #0x0  ; trap: call stack exhausted
;;
;; func 1 $i16x8 (param v128 v128) (result v128): 176 bytes of aarch64
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
;;             0024  b.lo 0xac
;;   0x55    local.get 0                   [v128:local 0]
;;   0x57    local.get 1                   [v128:local 0, v128:local 1]
;;   0x59    i16x8.add                     [v128:q1]
;;             0028  ldr q0, [x29, #0x20]
;;             002c  ldr q1, [x29, #0x10]
;;             0030  add v1.8h, v1.8h, v0.8h
;;   0x5c    local.get 1                   [v128:q1, v128:local 1]
;;   0x5e    i16x8.sub                     [v128:q1]
;;             0034  ldr q0, [x29, #0x20]
;;             0038  sub v1.8h, v1.8h, v0.8h
;;   0x61    local.get 1                   [v128:q1, v128:local 1]
;;   0x63    i16x8.mul                     [v128:q1]
;;             003c  ldr q0, [x29, #0x20]
;;             0040  mul v1.8h, v1.8h, v0.8h
;;   0x66    local.get 1                   [v128:q1, v128:local 1]
;;   0x68    i16x8.add_sat_s               [v128:q1]
;;             0044  ldr q0, [x29, #0x20]
;;             0048  sqadd v1.8h, v1.8h, v0.8h
;;   0x6b    local.get 1                   [v128:q1, v128:local 1]
;;   0x6d    i16x8.add_sat_u               [v128:q1]
;;             004c  ldr q0, [x29, #0x20]
;;             0050  uqadd v1.8h, v1.8h, v0.8h
;;   0x70    local.get 1                   [v128:q1, v128:local 1]
;;   0x72    i16x8.sub_sat_s               [v128:q1]
;;             0054  ldr q0, [x29, #0x20]
;;             0058  sqsub v1.8h, v1.8h, v0.8h
;;   0x75    local.get 1                   [v128:q1, v128:local 1]
;;   0x77    i16x8.sub_sat_u               [v128:q1]
;;             005c  ldr q0, [x29, #0x20]
;;             0060  uqsub v1.8h, v1.8h, v0.8h
;;   0x7a    local.get 1                   [v128:q1, v128:local 1]
;;   0x7c    i16x8.min_s                   [v128:q1]
;;             0064  ldr q0, [x29, #0x20]
;;             0068  smin v1.8h, v1.8h, v0.8h
;;   0x7f    local.get 1                   [v128:q1, v128:local 1]
;;   0x81    i16x8.min_u                   [v128:q1]
;;             006c  ldr q0, [x29, #0x20]
;;             0070  umin v1.8h, v1.8h, v0.8h
;;   0x84    local.get 1                   [v128:q1, v128:local 1]
;;   0x86    i16x8.max_s                   [v128:q1]
;;             0074  ldr q0, [x29, #0x20]
;;             0078  smax v1.8h, v1.8h, v0.8h
;;   0x89    local.get 1                   [v128:q1, v128:local 1]
;;   0x8b    i16x8.max_u                   [v128:q1]
;;             007c  ldr q0, [x29, #0x20]
;;             0080  umax v1.8h, v1.8h, v0.8h
;;   0x8e    local.get 1                   [v128:q1, v128:local 1]
;;   0x90    i16x8.avgr_u                  [v128:q1]
;;             0084  ldr q0, [x29, #0x20]
;;             0088  urhadd v1.8h, v1.8h, v0.8h
;;   0x93    local.get 1                   [v128:q1, v128:local 1]
;;   0x95    i16x8.q15mulr_sat_s           [v128:q1]
;;             008c  ldr q0, [x29, #0x20]
;;             0090  sqrdmulh v1.8h, v1.8h, v0.8h
;;   0x98    i16x8.abs                     [v128:q1]
;;             0094  abs v1.8h, v1.8h
;;   0x9b    i16x8.neg                     [v128:q1]
;;             0098  neg v1.8h, v1.8h
;;   0x9e    end                           (returned)
;;             009c  mov v0.16b, v1.16b
;;             00a0  mov sp, x29
;;             00a4  ldp x29, x30, [sp], #0x10
;;             00a8  ret
;;           out-of-line stubs
;;             00ac  udf #0x0  ; trap: call stack exhausted
;;
;; func 2 $i32x4 (param v128 v128) (result v128): 144 bytes of aarch64
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
;;             0024  b.lo 0x8c
;;   0xa1    local.get 0                   [v128:local 0]
;;   0xa3    local.get 1                   [v128:local 0, v128:local 1]
;;   0xa5    i32x4.add                     [v128:q1]
;;             0028  ldr q0, [x29, #0x20]
;;             002c  ldr q1, [x29, #0x10]
;;             0030  add v1.4s, v1.4s, v0.4s
;;   0xa8    local.get 1                   [v128:q1, v128:local 1]
;;   0xaa    i32x4.sub                     [v128:q1]
;;             0034  ldr q0, [x29, #0x20]
;;             0038  sub v1.4s, v1.4s, v0.4s
;;   0xad    local.get 1                   [v128:q1, v128:local 1]
;;   0xaf    i32x4.mul                     [v128:q1]
;;             003c  ldr q0, [x29, #0x20]
;;             0040  mul v1.4s, v1.4s, v0.4s
;;   0xb2    local.get 1                   [v128:q1, v128:local 1]
;;   0xb4    i32x4.min_s                   [v128:q1]
;;             0044  ldr q0, [x29, #0x20]
;;             0048  smin v1.4s, v1.4s, v0.4s
;;   0xb7    local.get 1                   [v128:q1, v128:local 1]
;;   0xb9    i32x4.min_u                   [v128:q1]
;;             004c  ldr q0, [x29, #0x20]
;;             0050  umin v1.4s, v1.4s, v0.4s
;;   0xbc    local.get 1                   [v128:q1, v128:local 1]
;;   0xbe    i32x4.max_s                   [v128:q1]
;;             0054  ldr q0, [x29, #0x20]
;;             0058  smax v1.4s, v1.4s, v0.4s
;;   0xc1    local.get 1                   [v128:q1, v128:local 1]
;;   0xc3    i32x4.max_u                   [v128:q1]
;;             005c  ldr q0, [x29, #0x20]
;;             0060  umax v1.4s, v1.4s, v0.4s
;;   0xc6    local.get 1                   [v128:q1, v128:local 1]
;;   0xc8    i32x4.dot_i16x8_s             [v128:q1]
;;             0064  ldr q0, [x29, #0x20]
;;             0068  smull v31.4s, v1.4h, v0.4h
;;             006c  smull2 v1.4s, v1.8h, v0.8h
;;             0070  addp v1.4s, v31.4s, v1.4s
;;   0xcb    i32x4.abs                     [v128:q1]
;;             0074  abs v1.4s, v1.4s
;;   0xce    i32x4.neg                     [v128:q1]
;;             0078  neg v1.4s, v1.4s
;;   0xd1    end                           (returned)
;;             007c  mov v0.16b, v1.16b
;;             0080  mov sp, x29
;;             0084  ldp x29, x30, [sp], #0x10
;;             0088  ret
;;           out-of-line stubs
;;             008c  udf #0x0  ; trap: call stack exhausted
;;
;; func 3 $i64x2 (param v128 v128) (result v128): 124 bytes of aarch64
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
;;             0024  b.lo 0x78
;;   0xd4    local.get 0                   [v128:local 0]
;;   0xd6    local.get 1                   [v128:local 0, v128:local 1]
;;   0xd8    i64x2.add                     [v128:q1]
;;             0028  ldr q0, [x29, #0x20]
;;             002c  ldr q1, [x29, #0x10]
;;             0030  add v1.2d, v1.2d, v0.2d
;;   0xdb    local.get 1                   [v128:q1, v128:local 1]
;;   0xdd    i64x2.sub                     [v128:q1]
;;             0034  ldr q0, [x29, #0x20]
;;             0038  sub v1.2d, v1.2d, v0.2d
;;   0xe0    local.get 1                   [v128:q1, v128:local 1]
;;   0xe2    i64x2.mul                     [v128:q1]
;;             003c  ldr q0, [x29, #0x20]
;;             0040  mov x15, v1.d[0]
;;             0044  mov x16, v0.d[0]
;;             0048  mul x15, x15, x16
;;             004c  mov x16, v1.d[1]
;;             0050  mov x17, v0.d[1]
;;             0054  mul x16, x16, x17
;;             0058  mov v1.d[0], x15
;;             005c  mov v1.d[1], x16
;;   0xe5    i64x2.abs                     [v128:q1]
;;             0060  abs v1.2d, v1.2d
;;   0xe8    i64x2.neg                     [v128:q1]
;;             0064  neg v1.2d, v1.2d
;;   0xeb    end                           (returned)
;;             0068  mov v0.16b, v1.16b
;;             006c  mov sp, x29
;;             0070  ldp x29, x30, [sp], #0x10
;;             0074  ret
;;           out-of-line stubs
;;             0078  udf #0x0  ; trap: call stack exhausted
