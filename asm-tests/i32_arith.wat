;; targets: x86_64 aarch64
;;
;; i32 add/sub/mul/and/or/xor. A constant operand folds into the
;; instruction's immediate; the result of one op stays in its register for
;; the next.

(module
  (func (param i32 i32) (result i32)
    local.get 0
    i32.const 5
    i32.add          ;; load local 0, add immediate 5
    local.get 1
    i32.sub          ;; the previous result stays in its register
    i32.const 3
    i32.mul
    i32.const 0xff
    i32.and
    local.get 1
    i32.or
    i32.const -1
    i32.xor)
  (func (param i32) (result i32)
    ;; two constants: still folded where the ISA allows
    i32.const 1000000
    local.get 0
    i32.add))

;; ==== expected x86_64 ====
;; func 0 (param i32 i32) (result i32): 61 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x3b
;;   0x20    local.get 0                   [i32:local 0]
;;   0x22    i32.const 5                   [i32:local 0, i32:const 5]
;;   0x24    i32.add                       [i32:ebx]
;;             001b  mov ebx, [rbp+0x10]
;;             001e  add ebx, 5
;;   0x25    local.get 1                   [i32:ebx, i32:local 1]
;;   0x27    i32.sub                       [i32:ebx]
;;             0021  sub ebx, [rbp+0x18]
;;   0x28    i32.const 3                   [i32:ebx, i32:const 3]
;;   0x2a    i32.mul                       [i32:ebx]
;;             0024  imul ebx, 3
;;   0x2b    i32.const 255                 [i32:ebx, i32:const 255]
;;   0x2e    i32.and                       [i32:ebx]
;;             0028  and ebx, 0xff
;;   0x2f    local.get 1                   [i32:ebx, i32:local 1]
;;   0x31    i32.or                        [i32:ebx]
;;             002e  or ebx, [rbp+0x18]
;;   0x32    i32.const -1                  [i32:ebx, i32:const -1]
;;   0x34    i32.xor                       [i32:ebx]
;;             0031  xor ebx, 0xffffffff
;;   0x35    end                           (returned)
;;             0034  mov eax, ebx
;;             0036  mov rsp, rbp
;;             0039  pop rbp
;;             003a  ret
;;           out-of-line stubs
;;             003b  ud2  ; trap: call stack exhausted
;;
;; func 1 (param i32) (result i32): 45 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x2b
;;   0x38    i32.const 1000000             [i32:const 1000000]
;;   0x3c    local.get 0                   [i32:const 1000000, i32:local 0]
;;   0x3e    i32.add                       [i32:ebx]
;;             001b  mov ebx, 0xf4240
;;             0021  add ebx, [rbp+0x10]
;;   0x3f    end                           (returned)
;;             0024  mov eax, ebx
;;             0026  mov rsp, rbp
;;             0029  pop rbp
;;             002a  ret
;;           out-of-line stubs
;;             002b  ud2  ; trap: call stack exhausted

;; ==== expected aarch64 ====
;; func 0 (param i32 i32) (result i32): 100 bytes of aarch64
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
;;             0024  b.lo 0x60
;;   0x20    local.get 0                   [i32:local 0]
;;   0x22    i32.const 5                   [i32:local 0, i32:const 5]
;;   0x24    i32.add                       [i32:w0]
;;             0028  ldr w0, [x29, #0x10]
;;             002c  add w0, w0, #0x5
;;   0x25    local.get 1                   [i32:w0, i32:local 1]
;;   0x27    i32.sub                       [i32:w0]
;;             0030  ldr w17, [x29, #0x18]
;;             0034  sub w0, w0, w17
;;   0x28    i32.const 3                   [i32:w0, i32:const 3]
;;   0x2a    i32.mul                       [i32:w0]
;;             0038  mov w17, #0x3
;;             003c  mul w0, w0, w17
;;   0x2b    i32.const 255                 [i32:w0, i32:const 255]
;;   0x2e    i32.and                       [i32:w0]
;;             0040  and w0, w0, #0xff
;;   0x2f    local.get 1                   [i32:w0, i32:local 1]
;;   0x31    i32.or                        [i32:w0]
;;             0044  ldr w17, [x29, #0x18]
;;             0048  orr w0, w0, w17
;;   0x32    i32.const -1                  [i32:w0, i32:const -1]
;;   0x34    i32.xor                       [i32:w0]
;;             004c  mov w17, #0xffffffff
;;             0050  eor w0, w0, w17
;;   0x35    end                           (returned)
;;             0054  mov sp, x29
;;             0058  ldp x29, x30, [sp], #0x10
;;             005c  ret
;;           out-of-line stubs
;;             0060  udf #0x0  ; trap: call stack exhausted
;;
;; func 1 (param i32) (result i32): 72 bytes of aarch64
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
;;             0024  b.lo 0x44
;;   0x38    i32.const 1000000             [i32:const 1000000]
;;   0x3c    local.get 0                   [i32:const 1000000, i32:local 0]
;;   0x3e    i32.add                       [i32:w0]
;;             0028  mov w0, #0x4240
;;             002c  movk w0, #0xf, lsl #16
;;             0030  ldr w17, [x29, #0x10]
;;             0034  add w0, w0, w17
;;   0x3f    end                           (returned)
;;             0038  mov sp, x29
;;             003c  ldp x29, x30, [sp], #0x10
;;             0040  ret
;;           out-of-line stubs
;;             0044  udf #0x0  ; trap: call stack exhausted
