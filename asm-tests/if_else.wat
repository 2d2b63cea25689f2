;; targets: x86_64 aarch64
;;
;; if/else with a result: both arms leave the value in the same
;; (canonical) register.

(module
  (func (param i32 i32) (result i32)
    (if (result i32) (local.get 0)
      (then (i32.add (local.get 1) (i32.const 1)))
      (else (i32.const 42))))
  (func (param i32)
    (if (local.get 0) (then nop))))

;; ==== expected x86_64 ====
;; func 0 (param i32 i32) (result i32): 64 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x3e
;;   0x1f    local.get 0                   [i32:local 0]
;;   0x21    if (result i32)               []
;;             001b  mov ebx, [rbp+0x10]
;;             001e  test ebx, ebx
;;             0020  je 0x31
;;   0x23      local.get 1                 [i32:local 1]
;;   0x25      i32.const 1                 [i32:local 1, i32:const 1]
;;   0x27      i32.add                     [i32:ebx]
;;             0026  mov ebx, [rbp+0x18]
;;             0029  add ebx, 1
;;   0x28    else                          []
;;             002c  jmp 0x37
;;   0x29      i32.const 42                [i32:const 42]
;;   0x2b    end                           [i32:ebx]
;;             0031  mov ebx, 0x2a
;;   0x2c    end                           (returned)
;;             0037  mov eax, ebx
;;             0039  mov rsp, rbp
;;             003c  pop rbp
;;             003d  ret
;;           out-of-line stubs
;;             003e  ud2  ; trap: call stack exhausted
;;
;; func 1 (param i32): 45 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x10
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x2b
;;   0x2f    local.get 0                   [i32:local 0]
;;   0x31    if                            []
;;             001b  mov ebx, [rbp+0x10]
;;             001e  test ebx, ebx
;;             0020  je 0x26
;;   0x33      nop                         []
;;   0x34    end                           []
;;   0x35    end                           (returned)
;;             0026  mov rsp, rbp
;;             0029  pop rbp
;;             002a  ret
;;           out-of-line stubs
;;             002b  ud2  ; trap: call stack exhausted

;; ==== expected aarch64 ====
;; func 0 (param i32 i32) (result i32): 80 bytes of aarch64
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
;;             0024  b.lo 0x4c
;;   0x1f    local.get 0                   [i32:local 0]
;;   0x21    if (result i32)               []
;;             0028  ldr w0, [x29, #0x10]
;;             002c  cbz w0, 0x3c
;;   0x23      local.get 1                 [i32:local 1]
;;   0x25      i32.const 1                 [i32:local 1, i32:const 1]
;;   0x27      i32.add                     [i32:w0]
;;             0030  ldr w0, [x29, #0x18]
;;             0034  add w0, w0, #0x1
;;   0x28    else                          []
;;             0038  b 0x40
;;   0x29      i32.const 42                [i32:const 42]
;;   0x2b    end                           [i32:w0]
;;             003c  mov w0, #0x2a
;;   0x2c    end                           (returned)
;;             0040  mov sp, x29
;;             0044  ldp x29, x30, [sp], #0x10
;;             0048  ret
;;           out-of-line stubs
;;             004c  udf #0x0  ; trap: call stack exhausted
;;
;; func 1 (param i32): 64 bytes of aarch64
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
;;   0x2f    local.get 0                   [i32:local 0]
;;   0x31    if                            []
;;             0028  ldr w0, [x29, #0x10]
;;             002c  cbz w0, 0x30
;;   0x33      nop                         []
;;   0x34    end                           []
;;   0x35    end                           (returned)
;;             0030  mov sp, x29
;;             0034  ldp x29, x30, [sp], #0x10
;;             0038  ret
;;           out-of-line stubs
;;             003c  udf #0x0  ; trap: call stack exhausted
