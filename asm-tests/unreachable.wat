;; targets: x86_64 aarch64
;;
;; `unreachable` is an inline trap; the code after it is validated but
;; emits nothing.

(module
  (func (param i32) (result i32)
    (if (local.get 0) (then unreachable))
    (local.get 0))
  (func (result i32)
    unreachable
    i32.const 1
    i32.add)
  ;; A dead `br_table` emits no jump table either. (Found by fuzzing:
  ;; the listing used to reserve room for one and `flint explain` panicked.)
  (func (param i32)
    (block
      unreachable
      (br_table 0 0 0 (local.get 0)))))

;; ==== expected x86_64 ====
;; func 0 (param i32) (result i32): 50 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x10
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x30
;;   0x23    local.get 0                   [i32:local 0]
;;   0x25    if                            []
;;             001b  mov ebx, [rbp+0x10]
;;             001e  test ebx, ebx
;;             0020  je 0x28
;;   0x27      unreachable                 (unreachable)
;;             0026  ud2  ; trap: unreachable
;;   0x28    end                           []
;;   0x29    local.get 0                   [i32:local 0]
;;   0x2b    end                           (returned)
;;             0028  mov eax, [rbp+0x10]
;;             002b  mov rsp, rbp
;;             002e  pop rbp
;;             002f  ret
;;           out-of-line stubs
;;             0030  ud2  ; trap: call stack exhausted
;;
;; func 1 (result i32): 31 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x10
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x1d
;;   0x2e    unreachable                   (unreachable)
;;             001b  ud2  ; trap: unreachable
;;   0x2f    i32.const 1                   (unreachable)
;;   0x31    i32.add                       (unreachable)
;;   0x32    end                           (returned)
;;           out-of-line stubs
;;             001d  ud2  ; trap: call stack exhausted
;;
;; func 2 (param i32): 31 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x10
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x1d
;;   0x35    block                         []
;;   0x37      unreachable                 (unreachable)
;;             001b  ud2  ; trap: unreachable
;;   0x38      local.get 0                 (unreachable)
;;   0x3a      br_table 0 0 0              (unreachable)
;;   0x3f    end                           (unreachable)
;;   0x40    end                           (returned)
;;           out-of-line stubs
;;             001d  ud2  ; trap: call stack exhausted

;; ==== expected aarch64 ====
;; func 0 (param i32) (result i32): 72 bytes of aarch64
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
;;             0024  b.lo 0x44
;;   0x23    local.get 0                   [i32:local 0]
;;   0x25    if                            []
;;             0028  ldr w0, [x29, #0x10]
;;             002c  cbz w0, 0x34
;;   0x27      unreachable                 (unreachable)
;;             0030  udf #0x0  ; trap: unreachable
;;   0x28    end                           []
;;   0x29    local.get 0                   [i32:local 0]
;;   0x2b    end                           (returned)
;;             0034  ldr w0, [x29, #0x10]
;;             0038  mov sp, x29
;;             003c  ldp x29, x30, [sp], #0x10
;;             0040  ret
;;           out-of-line stubs
;;             0044  udf #0x0  ; trap: call stack exhausted
;;
;; func 1 (result i32): 48 bytes of aarch64
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
;;             0024  b.lo 0x2c
;;   0x2e    unreachable                   (unreachable)
;;             0028  udf #0x0  ; trap: unreachable
;;   0x2f    i32.const 1                   (unreachable)
;;   0x31    i32.add                       (unreachable)
;;   0x32    end                           (returned)
;;           out-of-line stubs
;;             002c  udf #0x0  ; trap: call stack exhausted
;;
;; func 2 (param i32): 48 bytes of aarch64
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
;;             0024  b.lo 0x2c
;;   0x35    block                         []
;;   0x37      unreachable                 (unreachable)
;;             0028  udf #0x0  ; trap: unreachable
;;   0x38      local.get 0                 (unreachable)
;;   0x3a      br_table 0 0 0              (unreachable)
;;   0x3f    end                           (unreachable)
;;   0x40    end                           (returned)
;;           out-of-line stubs
;;             002c  udf #0x0  ; trap: call stack exhausted
