;; targets: x86_64 x86_64:min aarch64
;;
;; Float lane comparisons, each lane all ones or all zeros (false when
;; either lane is NaN, except ne), for f32x4 and f64x2.

(module
  (func $f32x4 (param v128 v128) (result v128)
    (f32x4.eq (local.get 0) (local.get 1))
    (f32x4.ne (local.get 1))
    (f32x4.lt (local.get 1))
    (f32x4.gt (local.get 1))
    (f32x4.le (local.get 1))
    (f32x4.ge (local.get 1)))
  (func $f64x2 (param v128 v128) (result v128)
    (f64x2.eq (local.get 0) (local.get 1))
    (f64x2.ne (local.get 1))
    (f64x2.lt (local.get 1))
    (f64x2.gt (local.get 1))
    (f64x2.le (local.get 1))
    (f64x2.ge (local.get 1))))

;; ==== expected x86_64 ====
;; func 0 $f32x4 (param v128 v128) (result v128): 109 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x6b
;;   0x1b    local.get 0                   [v128:local 0]
;;   0x1d    local.get 1                   [v128:local 0, v128:local 1]
;;   0x1f    f32x4.eq                      [v128:xmm1]
;;             001b  movdqu xmm0, [rbp+0x20]
;;             0020  movdqu xmm1, [rbp+0x10]
;;             0025  vcmpeqps xmm1, xmm1, xmm0
;;   0x21    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x23    f32x4.ne                      [v128:xmm1]
;;             002b  movdqu xmm0, [rbp+0x20]
;;             0030  vcmpneqps xmm1, xmm1, xmm0
;;   0x25    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x27    f32x4.lt                      [v128:xmm1]
;;             0036  movdqu xmm0, [rbp+0x20]
;;             003b  vcmpltps xmm1, xmm1, xmm0
;;   0x29    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x2b    f32x4.gt                      [v128:xmm1]
;;             0041  movdqu xmm0, [rbp+0x20]
;;             0046  vcmpltps xmm1, xmm0, xmm1
;;   0x2d    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x2f    f32x4.le                      [v128:xmm1]
;;             004c  movdqu xmm0, [rbp+0x20]
;;             0051  vcmpleps xmm1, xmm1, xmm0
;;   0x31    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x33    f32x4.ge                      [v128:xmm1]
;;             0057  movdqu xmm0, [rbp+0x20]
;;             005c  vcmpleps xmm1, xmm0, xmm1
;;   0x35    end                           (returned)
;;             0062  movaps xmm0, xmm1
;;             0066  mov rsp, rbp
;;             0069  pop rbp
;;             006a  ret
;;           out-of-line stubs
;;             006b  ud2  ; trap: call stack exhausted
;;
;; func 1 $f64x2 (param v128 v128) (result v128): 109 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x6b
;;   0x38    local.get 0                   [v128:local 0]
;;   0x3a    local.get 1                   [v128:local 0, v128:local 1]
;;   0x3c    f64x2.eq                      [v128:xmm1]
;;             001b  movdqu xmm0, [rbp+0x20]
;;             0020  movdqu xmm1, [rbp+0x10]
;;             0025  vcmpeqpd xmm1, xmm1, xmm0
;;   0x3e    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x40    f64x2.ne                      [v128:xmm1]
;;             002b  movdqu xmm0, [rbp+0x20]
;;             0030  vcmpneqpd xmm1, xmm1, xmm0
;;   0x42    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x44    f64x2.lt                      [v128:xmm1]
;;             0036  movdqu xmm0, [rbp+0x20]
;;             003b  vcmpltpd xmm1, xmm1, xmm0
;;   0x46    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x48    f64x2.gt                      [v128:xmm1]
;;             0041  movdqu xmm0, [rbp+0x20]
;;             0046  vcmpltpd xmm1, xmm0, xmm1
;;   0x4a    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x4c    f64x2.le                      [v128:xmm1]
;;             004c  movdqu xmm0, [rbp+0x20]
;;             0051  vcmplepd xmm1, xmm1, xmm0
;;   0x4e    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x50    f64x2.ge                      [v128:xmm1]
;;             0057  movdqu xmm0, [rbp+0x20]
;;             005c  vcmplepd xmm1, xmm0, xmm1
;;   0x52    end                           (returned)
;;             0062  movaps xmm0, xmm1
;;             0066  mov rsp, rbp
;;             0069  pop rbp
;;             006a  ret
;;           out-of-line stubs
;;             006b  ud2  ; trap: call stack exhausted

;; ==== expected x86_64:min ====
;; func 0 $f32x4 (param v128 v128) (result v128): 119 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x75
;;   0x1b    local.get 0                   [v128:local 0]
;;   0x1d    local.get 1                   [v128:local 0, v128:local 1]
;;   0x1f    f32x4.eq                      [v128:xmm1]
;;             001b  movdqu xmm0, [rbp+0x20]
;;             0020  movdqu xmm1, [rbp+0x10]
;;             0025  cmpeqps xmm1, xmm0
;;   0x21    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x23    f32x4.ne                      [v128:xmm1]
;;             002a  movdqu xmm0, [rbp+0x20]
;;             002f  cmpneqps xmm1, xmm0
;;   0x25    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x27    f32x4.lt                      [v128:xmm1]
;;             0034  movdqu xmm0, [rbp+0x20]
;;             0039  cmpltps xmm1, xmm0
;;   0x29    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x2b    f32x4.gt                      [v128:xmm1]
;;             003e  movdqu xmm0, [rbp+0x20]
;;             0043  movaps xmm15, xmm0
;;             0047  cmpltps xmm15, xmm1
;;             004c  movaps xmm1, xmm15
;;   0x2d    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x2f    f32x4.le                      [v128:xmm1]
;;             0050  movdqu xmm0, [rbp+0x20]
;;             0055  cmpleps xmm1, xmm0
;;   0x31    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x33    f32x4.ge                      [v128:xmm1]
;;             005a  movdqu xmm0, [rbp+0x20]
;;             005f  movaps xmm15, xmm0
;;             0063  cmpleps xmm15, xmm1
;;             0068  movaps xmm1, xmm15
;;   0x35    end                           (returned)
;;             006c  movaps xmm0, xmm1
;;             0070  mov rsp, rbp
;;             0073  pop rbp
;;             0074  ret
;;           out-of-line stubs
;;             0075  ud2  ; trap: call stack exhausted
;;
;; func 1 $f64x2 (param v128 v128) (result v128): 125 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x7b
;;   0x38    local.get 0                   [v128:local 0]
;;   0x3a    local.get 1                   [v128:local 0, v128:local 1]
;;   0x3c    f64x2.eq                      [v128:xmm1]
;;             001b  movdqu xmm0, [rbp+0x20]
;;             0020  movdqu xmm1, [rbp+0x10]
;;             0025  cmpeqpd xmm1, xmm0
;;   0x3e    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x40    f64x2.ne                      [v128:xmm1]
;;             002b  movdqu xmm0, [rbp+0x20]
;;             0030  cmpneqpd xmm1, xmm0
;;   0x42    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x44    f64x2.lt                      [v128:xmm1]
;;             0036  movdqu xmm0, [rbp+0x20]
;;             003b  cmpltpd xmm1, xmm0
;;   0x46    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x48    f64x2.gt                      [v128:xmm1]
;;             0041  movdqu xmm0, [rbp+0x20]
;;             0046  movaps xmm15, xmm0
;;             004a  cmpltpd xmm15, xmm1
;;             0050  movaps xmm1, xmm15
;;   0x4a    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x4c    f64x2.le                      [v128:xmm1]
;;             0054  movdqu xmm0, [rbp+0x20]
;;             0059  cmplepd xmm1, xmm0
;;   0x4e    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x50    f64x2.ge                      [v128:xmm1]
;;             005f  movdqu xmm0, [rbp+0x20]
;;             0064  movaps xmm15, xmm0
;;             0068  cmplepd xmm15, xmm1
;;             006e  movaps xmm1, xmm15
;;   0x52    end                           (returned)
;;             0072  movaps xmm0, xmm1
;;             0076  mov rsp, rbp
;;             0079  pop rbp
;;             007a  ret
;;           out-of-line stubs
;;             007b  ud2  ; trap: call stack exhausted

;; ==== expected aarch64 ====
;; func 0 $f32x4 (param v128 v128) (result v128): 116 bytes of aarch64
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
;;   0x1b    local.get 0                   [v128:local 0]
;;   0x1d    local.get 1                   [v128:local 0, v128:local 1]
;;   0x1f    f32x4.eq                      [v128:q1]
;;             0028  ldr q0, [x29, #0x20]
;;             002c  ldr q1, [x29, #0x10]
;;             0030  fcmeq v1.4s, v1.4s, v0.4s
;;   0x21    local.get 1                   [v128:q1, v128:local 1]
;;   0x23    f32x4.ne                      [v128:q1]
;;             0034  ldr q0, [x29, #0x20]
;;             0038  fcmeq v1.4s, v1.4s, v0.4s
;;             003c  mvn v1.16b, v1.16b
;;   0x25    local.get 1                   [v128:q1, v128:local 1]
;;   0x27    f32x4.lt                      [v128:q1]
;;             0040  ldr q0, [x29, #0x20]
;;             0044  fcmgt v1.4s, v0.4s, v1.4s
;;   0x29    local.get 1                   [v128:q1, v128:local 1]
;;   0x2b    f32x4.gt                      [v128:q1]
;;             0048  ldr q0, [x29, #0x20]
;;             004c  fcmgt v1.4s, v1.4s, v0.4s
;;   0x2d    local.get 1                   [v128:q1, v128:local 1]
;;   0x2f    f32x4.le                      [v128:q1]
;;             0050  ldr q0, [x29, #0x20]
;;             0054  fcmge v1.4s, v0.4s, v1.4s
;;   0x31    local.get 1                   [v128:q1, v128:local 1]
;;   0x33    f32x4.ge                      [v128:q1]
;;             0058  ldr q0, [x29, #0x20]
;;             005c  fcmge v1.4s, v1.4s, v0.4s
;;   0x35    end                           (returned)
;;             0060  mov v0.16b, v1.16b
;;             0064  mov sp, x29
;;             0068  ldp x29, x30, [sp], #0x10
;;             006c  ret
;;           out-of-line stubs
;;             0070  udf #0x0  ; trap: call stack exhausted
;;
;; func 1 $f64x2 (param v128 v128) (result v128): 116 bytes of aarch64
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
;;   0x38    local.get 0                   [v128:local 0]
;;   0x3a    local.get 1                   [v128:local 0, v128:local 1]
;;   0x3c    f64x2.eq                      [v128:q1]
;;             0028  ldr q0, [x29, #0x20]
;;             002c  ldr q1, [x29, #0x10]
;;             0030  fcmeq v1.2d, v1.2d, v0.2d
;;   0x3e    local.get 1                   [v128:q1, v128:local 1]
;;   0x40    f64x2.ne                      [v128:q1]
;;             0034  ldr q0, [x29, #0x20]
;;             0038  fcmeq v1.2d, v1.2d, v0.2d
;;             003c  mvn v1.16b, v1.16b
;;   0x42    local.get 1                   [v128:q1, v128:local 1]
;;   0x44    f64x2.lt                      [v128:q1]
;;             0040  ldr q0, [x29, #0x20]
;;             0044  fcmgt v1.2d, v0.2d, v1.2d
;;   0x46    local.get 1                   [v128:q1, v128:local 1]
;;   0x48    f64x2.gt                      [v128:q1]
;;             0048  ldr q0, [x29, #0x20]
;;             004c  fcmgt v1.2d, v1.2d, v0.2d
;;   0x4a    local.get 1                   [v128:q1, v128:local 1]
;;   0x4c    f64x2.le                      [v128:q1]
;;             0050  ldr q0, [x29, #0x20]
;;             0054  fcmge v1.2d, v0.2d, v1.2d
;;   0x4e    local.get 1                   [v128:q1, v128:local 1]
;;   0x50    f64x2.ge                      [v128:q1]
;;             0058  ldr q0, [x29, #0x20]
;;             005c  fcmge v1.2d, v1.2d, v0.2d
;;   0x52    end                           (returned)
;;             0060  mov v0.16b, v1.16b
;;             0064  mov sp, x29
;;             0068  ldp x29, x30, [sp], #0x10
;;             006c  ret
;;           out-of-line stubs
;;             0070  udf #0x0  ; trap: call stack exhausted
