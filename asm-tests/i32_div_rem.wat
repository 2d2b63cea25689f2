;; targets: x86_64 aarch64
;;
;; Integer division and remainder: each check branches to a shared
;; out-of-line trap stub after the body (`ud2` / `udf`).

(module
  (func (param i32 i32) (result i32)
    (i32.div_s (local.get 0) (local.get 1)))
  (func (param i32 i32) (result i32)
    (i32.div_u (local.get 0) (local.get 1)))
  (func (param i32 i32) (result i32)
    (i32.rem_s (local.get 0) (local.get 1)))
  (func (param i32 i32) (result i32)
    (i32.rem_u (local.get 0) (local.get 1)))
  (func (param i32) (result i32)
    ;; a constant nonzero divisor needs no zero check
    (i32.div_u (local.get 0) (i32.const 7))))

;; ==== expected x86_64 ====
;; func 0 (param i32 i32) (result i32): 77 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x47
;;   0x23    local.get 0                   [i32:local 0]
;;   0x25    local.get 1                   [i32:local 0, i32:local 1]
;;   0x27    i32.div_s                     [i32:ebx]
;;             001b  mov ebx, [rbp+0x10]
;;             001e  mov ecx, [rbp+0x18]
;;             0021  test ecx, ecx
;;             0023  je 0x49
;;             0029  cmp ecx, 0xffffffff
;;             002c  jne 0x37
;;             002e  cmp ebx, 1
;;             0031  jo 0x4b
;;             0037  mov eax, ebx
;;             003a  cdq
;;             003b  idiv ecx
;;             003d  mov rbx, rax
;;   0x28    end                           (returned)
;;             0040  mov eax, ebx
;;             0042  mov rsp, rbp
;;             0045  pop rbp
;;             0046  ret
;;           out-of-line stubs
;;             0047  ud2  ; trap: call stack exhausted
;;             0049  ud2  ; trap: integer divide by zero
;;             004b  ud2  ; trap: integer overflow
;;
;; func 1 (param i32 i32) (result i32): 62 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x3a
;;   0x2b    local.get 0                   [i32:local 0]
;;   0x2d    local.get 1                   [i32:local 0, i32:local 1]
;;   0x2f    i32.div_u                     [i32:ebx]
;;             001b  mov ebx, [rbp+0x10]
;;             001e  mov ecx, [rbp+0x18]
;;             0021  test ecx, ecx
;;             0023  je 0x3c
;;             0029  mov eax, ebx
;;             002c  xor edx, edx
;;             002e  div ecx
;;             0030  mov rbx, rax
;;   0x30    end                           (returned)
;;             0033  mov eax, ebx
;;             0035  mov rsp, rbp
;;             0038  pop rbp
;;             0039  ret
;;           out-of-line stubs
;;             003a  ud2  ; trap: call stack exhausted
;;             003c  ud2  ; trap: integer divide by zero
;;
;; func 2 (param i32 i32) (result i32): 70 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x42
;;   0x33    local.get 0                   [i32:local 0]
;;   0x35    local.get 1                   [i32:local 0, i32:local 1]
;;   0x37    i32.rem_s                     [i32:ebx]
;;             001b  mov ebx, [rbp+0x10]
;;             001e  mov ecx, [rbp+0x18]
;;             0021  test ecx, ecx
;;             0023  je 0x44
;;             0029  cmp ecx, 0xffffffff
;;             002c  jne 0x32
;;             002e  xor edx, edx
;;             0030  jmp 0x38
;;             0032  mov eax, ebx
;;             0035  cdq
;;             0036  idiv ecx
;;             0038  mov rbx, rdx
;;   0x38    end                           (returned)
;;             003b  mov eax, ebx
;;             003d  mov rsp, rbp
;;             0040  pop rbp
;;             0041  ret
;;           out-of-line stubs
;;             0042  ud2  ; trap: call stack exhausted
;;             0044  ud2  ; trap: integer divide by zero
;;
;; func 3 (param i32 i32) (result i32): 62 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x3a
;;   0x3b    local.get 0                   [i32:local 0]
;;   0x3d    local.get 1                   [i32:local 0, i32:local 1]
;;   0x3f    i32.rem_u                     [i32:ebx]
;;             001b  mov ebx, [rbp+0x10]
;;             001e  mov ecx, [rbp+0x18]
;;             0021  test ecx, ecx
;;             0023  je 0x3c
;;             0029  mov eax, ebx
;;             002c  xor edx, edx
;;             002e  div ecx
;;             0030  mov rbx, rdx
;;   0x40    end                           (returned)
;;             0033  mov eax, ebx
;;             0035  mov rsp, rbp
;;             0038  pop rbp
;;             0039  ret
;;           out-of-line stubs
;;             003a  ud2  ; trap: call stack exhausted
;;             003c  ud2  ; trap: integer divide by zero
;;
;; func 4 (param i32) (result i32): 55 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x35
;;   0x43    local.get 0                   [i32:local 0]
;;   0x45    i32.const 7                   [i32:local 0, i32:const 7]
;;   0x47    i32.div_u                     [i32:ebx]
;;             001b  mov ebx, [rbp+0x10]
;;             001e  mov ecx, 7
;;             0024  mov eax, ebx
;;             0027  xor edx, edx
;;             0029  div ecx
;;             002b  mov rbx, rax
;;   0x48    end                           (returned)
;;             002e  mov eax, ebx
;;             0030  mov rsp, rbp
;;             0033  pop rbp
;;             0034  ret
;;           out-of-line stubs
;;             0035  ud2  ; trap: call stack exhausted

;; ==== expected aarch64 ====
;; func 0 (param i32 i32) (result i32): 92 bytes of aarch64
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
;;             0024  b.lo 0x50
;;   0x23    local.get 0                   [i32:local 0]
;;   0x25    local.get 1                   [i32:local 0, i32:local 1]
;;   0x27    i32.div_s                     [i32:w0]
;;             0028  ldr w0, [x29, #0x10]
;;             002c  ldr w17, [x29, #0x18]
;;             0030  cbz w17, 0x54
;;             0034  cmn w17, #0x1
;;             0038  ccmp w0, #0x1, #0x0, eq
;;             003c  b.vs 0x58
;;             0040  sdiv w0, w0, w17
;;   0x28    end                           (returned)
;;             0044  mov sp, x29
;;             0048  ldp x29, x30, [sp], #0x10
;;             004c  ret
;;           out-of-line stubs
;;             0050  udf #0x0  ; trap: call stack exhausted
;;             0054  udf #0x0  ; trap: integer divide by zero
;;             0058  udf #0x0  ; trap: integer overflow
;;
;; func 1 (param i32 i32) (result i32): 76 bytes of aarch64
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
;;   0x2b    local.get 0                   [i32:local 0]
;;   0x2d    local.get 1                   [i32:local 0, i32:local 1]
;;   0x2f    i32.div_u                     [i32:w0]
;;             0028  ldr w0, [x29, #0x10]
;;             002c  ldr w17, [x29, #0x18]
;;             0030  cbz w17, 0x48
;;             0034  udiv w0, w0, w17
;;   0x30    end                           (returned)
;;             0038  mov sp, x29
;;             003c  ldp x29, x30, [sp], #0x10
;;             0040  ret
;;           out-of-line stubs
;;             0044  udf #0x0  ; trap: call stack exhausted
;;             0048  udf #0x0  ; trap: integer divide by zero
;;
;; func 2 (param i32 i32) (result i32): 80 bytes of aarch64
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
;;   0x33    local.get 0                   [i32:local 0]
;;   0x35    local.get 1                   [i32:local 0, i32:local 1]
;;   0x37    i32.rem_s                     [i32:w0]
;;             0028  ldr w0, [x29, #0x10]
;;             002c  ldr w17, [x29, #0x18]
;;             0030  cbz w17, 0x4c
;;             0034  sdiv w16, w0, w17
;;             0038  msub w0, w16, w17, w0
;;   0x38    end                           (returned)
;;             003c  mov sp, x29
;;             0040  ldp x29, x30, [sp], #0x10
;;             0044  ret
;;           out-of-line stubs
;;             0048  udf #0x0  ; trap: call stack exhausted
;;             004c  udf #0x0  ; trap: integer divide by zero
;;
;; func 3 (param i32 i32) (result i32): 80 bytes of aarch64
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
;;   0x3b    local.get 0                   [i32:local 0]
;;   0x3d    local.get 1                   [i32:local 0, i32:local 1]
;;   0x3f    i32.rem_u                     [i32:w0]
;;             0028  ldr w0, [x29, #0x10]
;;             002c  ldr w17, [x29, #0x18]
;;             0030  cbz w17, 0x4c
;;             0034  udiv w16, w0, w17
;;             0038  msub w0, w16, w17, w0
;;   0x40    end                           (returned)
;;             003c  mov sp, x29
;;             0040  ldp x29, x30, [sp], #0x10
;;             0044  ret
;;           out-of-line stubs
;;             0048  udf #0x0  ; trap: call stack exhausted
;;             004c  udf #0x0  ; trap: integer divide by zero
;;
;; func 4 (param i32) (result i32): 68 bytes of aarch64
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
;;             0024  b.lo 0x40
;;   0x43    local.get 0                   [i32:local 0]
;;   0x45    i32.const 7                   [i32:local 0, i32:const 7]
;;   0x47    i32.div_u                     [i32:w0]
;;             0028  ldr w0, [x29, #0x10]
;;             002c  mov w17, #0x7
;;             0030  udiv w0, w0, w17
;;   0x48    end                           (returned)
;;             0034  mov sp, x29
;;             0038  ldp x29, x30, [sp], #0x10
;;             003c  ret
;;           out-of-line stubs
;;             0040  udf #0x0  ; trap: call stack exhausted
