;; targets: x86_64 aarch64
;;
;; local.tee keeps its value where it is; globals are read and written
;; through the pointer to their cell in the vmctx.

(module
  (global $g (mut i32) (i32.const 0))
  (global $h (mut f64) (f64.const 0))
  (global $c i64 (i64.const 9))
  (func (param i32) (result i32) (local i32)
    (local.tee 1 (i32.add (local.get 0) (i32.const 1)))
    (global.set $g)
    (global.set $h (f64.const 2.0))
    (i32.add (global.get $g) (local.get 1)))
  (func (result i64)
    global.get $c))

;; ==== expected x86_64 ====
;; func 0 (param i32) (result i32): 94 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x5c
;;             001b  xor eax, eax
;;             001d  mov [rbp-0x10], rax
;;   0x39    local.get 0                   [i32:local 0]
;;   0x3b    i32.const 1                   [i32:local 0, i32:const 1]
;;   0x3d    i32.add                       [i32:ebx]
;;             0021  mov ebx, [rbp+0x10]
;;             0024  add ebx, 1
;;   0x3e    local.tee 1                   [i32:ebx]
;;             0027  mov [rbp-0x10], ebx
;;   0x40    global.set $g                 []
;;             002a  mov rax, [r14+0xa8]
;;             0031  mov [rax], ebx
;;   0x42    f64.const 0x1p+1 (;=2;)       [f64:const 2.0]
;;   0x4b    global.set $h                 []
;;             0034  mov rax, [r14+0xb0]
;;             003b  mov rcx, 0x4000000000000000
;;             0045  mov [rax], rcx
;;   0x4d    global.get $g                 [i32:ebx]
;;             0048  mov rax, [r14+0xa8]
;;             004f  mov ebx, [rax]
;;   0x4f    local.get 1                   [i32:ebx, i32:local 1]
;;   0x51    i32.add                       [i32:ebx]
;;             0052  add ebx, [rbp-0x10]
;;   0x52    end                           (returned)
;;             0055  mov eax, ebx
;;             0057  mov rsp, rbp
;;             005a  pop rbp
;;             005b  ret
;;           out-of-line stubs
;;             005c  ud2  ; trap: call stack exhausted
;;
;; func 1 (result i64): 47 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x10
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x2d
;;   0x55    global.get $c                 [i64:rbx]
;;             001b  mov rax, [r14+0xb8]
;;             0022  mov rbx, [rax]
;;   0x57    end                           (returned)
;;             0025  mov rax, rbx
;;             0028  mov rsp, rbp
;;             002b  pop rbp
;;             002c  ret
;;           out-of-line stubs
;;             002d  ud2  ; trap: call stack exhausted

;; ==== expected aarch64 ====
;; func 0 (param i32) (result i32): 108 bytes of aarch64
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
;;             0028  stur xzr, [x29, #-0x10]
;;   0x39    local.get 0                   [i32:local 0]
;;   0x3b    i32.const 1                   [i32:local 0, i32:const 1]
;;   0x3d    i32.add                       [i32:w0]
;;             002c  ldr w0, [x29, #0x10]
;;             0030  add w0, w0, #0x1
;;   0x3e    local.tee 1                   [i32:w0]
;;             0034  stur w0, [x29, #-0x10]
;;   0x40    global.set $g                 []
;;             0038  ldr x15, [x28, #0xa8]
;;             003c  str w0, [x15]
;;   0x42    f64.const 0x1p+1 (;=2;)       [f64:const 2.0]
;;   0x4b    global.set $h                 []
;;             0040  ldr x15, [x28, #0xb0]
;;             0044  mov x17, #0x4000000000000000
;;             0048  str x17, [x15]
;;   0x4d    global.get $g                 [i32:w0]
;;             004c  ldr x16, [x28, #0xa8]
;;             0050  ldr w0, [x16]
;;   0x4f    local.get 1                   [i32:w0, i32:local 1]
;;   0x51    i32.add                       [i32:w0]
;;             0054  ldur w17, [x29, #-0x10]
;;             0058  add w0, w0, w17
;;   0x52    end                           (returned)
;;             005c  mov sp, x29
;;             0060  ldp x29, x30, [sp], #0x10
;;             0064  ret
;;           out-of-line stubs
;;             0068  udf #0x0  ; trap: call stack exhausted
;;
;; func 1 (result i64): 64 bytes of aarch64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  stp x29, x30, [sp, #-0x10]!
;;             0004  mov x29, sp
;;             0008  mov x16, #0x10
;;             000c  movk x16, #0x0, lsl #16
;;             0010  sub sp, sp, x16
;;             0014  stur x28, [x29, #-0x8]
;;             0018  ldr x16, [x28]
;;             001c  ldr x16, [x16]
;;             0020  cmp sp, x16
;;             0024  b.lo 0x3c
;;   0x55    global.get $c                 [i64:x0]
;;             0028  ldr x16, [x28, #0xb8]
;;             002c  ldr x0, [x16]
;;   0x57    end                           (returned)
;;             0030  mov sp, x29
;;             0034  ldp x29, x30, [sp], #0x10
;;             0038  ret
;;           out-of-line stubs
;;             003c  udf #0x0  ; trap: call stack exhausted
