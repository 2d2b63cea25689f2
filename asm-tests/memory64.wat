;; targets: x86_64 aarch64
;;
;; memory64: a 64-bit memory is bounds-checked in code even with the
;; default layout, whose guard pages cover every 32-bit index but no
;; 64-bit one. The i64 index is added to offset + size with a carry check
;; (an index near 2^64 traps instead of wrapping), then compared with the
;; memory's length. A constant address that fits 32 bits, like one in a
;; 32-bit memory, is left to the guard pages. An offset of 2^32 or more is
;; checked the same way and always traps, as a memory has at most 4 GiB;
;; the access after it, never reached, keeps the offset's low 32 bits. The
;; access adds the index with uxtw on aarch64: a checked index is below
;; 2^32. memory.size and memory.grow use i64.

(module
  (memory i64 1)
  (func (param i64) (result i32)
    (i32.load offset=8 (local.get 0)))
  (func (param i64 i64)
    (i64.store offset=0x1000 (local.get 0) (local.get 1))
    (i64.store (i64.const 16) (local.get 1)))
  (func (param i64) (result i32)
    (i32.load8_u offset=0x100000000 (local.get 0)))
  (func (param i64) (result i64)
    (i64.add (memory.grow (local.get 0)) (memory.size))))

;; ==== expected x86_64 ====
;; func 0 (param i64) (result i32): 76 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x10
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x48
;;   0x2b    local.get 0                   [i64:local 0]
;;   0x2d    i32.load offset=8             [i32:ebx]
;;             001b  mov rbx, [rbp+0x10]
;;             001f  mov r11, [r14+0x10]
;;             0023  mov rax, rbx
;;             0026  add rax, 0xc
;;             002c  jb 0x4a
;;             0032  cmp rax, [r11+8]
;;             0036  ja 0x4a
;;             003c  mov ebx, [r15+rbx+8]  ; trap: out of bounds memory access
;;   0x30    end                           (returned)
;;             0041  mov eax, ebx
;;             0043  mov rsp, rbp
;;             0046  pop rbp
;;             0047  ret
;;           out-of-line stubs
;;             0048  ud2  ; trap: call stack exhausted
;;             004a  ud2  ; trap: out of bounds memory access
;;
;; func 1 (param i64 i64): 89 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x55
;;   0x33    local.get 0                   [i64:local 0]
;;   0x35    local.get 1                   [i64:local 0, i64:local 1]
;;   0x37    i64.store offset=4096         []
;;             001b  mov rbx, [rbp+0x18]
;;             001f  mov rsi, [rbp+0x10]
;;             0023  mov r11, [r14+0x10]
;;             0027  mov rax, rsi
;;             002a  add rax, 0x1008
;;             0030  jb 0x57
;;             0036  cmp rax, [r11+8]
;;             003a  ja 0x57
;;             0040  mov [r15+rsi+0x1000], rbx  ; trap: out of bounds memory access
;;   0x3b    i64.const 16                  [i64:const 16]
;;   0x3d    local.get 1                   [i64:const 16, i64:local 1]
;;   0x3f    i64.store                     []
;;             0048  mov rbx, [rbp+0x18]
;;             004c  mov [r15+0x10], rbx  ; trap: out of bounds memory access
;;   0x42    end                           (returned)
;;             0050  mov rsp, rbp
;;             0053  pop rbp
;;             0054  ret
;;           out-of-line stubs
;;             0055  ud2  ; trap: call stack exhausted
;;             0057  ud2  ; trap: out of bounds memory access
;;
;; func 2 (param i64) (result i32): 80 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x10
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x4c
;;   0x45    local.get 0                   [i64:local 0]
;;   0x47    i32.load8_u offset=4294967296 [i32:ebx]
;;             001b  mov rbx, [rbp+0x10]
;;             001f  mov r11, [r14+0x10]
;;             0023  mov rax, 0x100000001
;;             002d  add rax, rbx
;;             0030  jb 0x4e
;;             0036  cmp rax, [r11+8]
;;             003a  ja 0x4e
;;             0040  movzx ebx, byte ptr [r15+rbx]  ; trap: out of bounds memory access
;;   0x4e    end                           (returned)
;;             0045  mov eax, ebx
;;             0047  mov rsp, rbp
;;             004a  pop rbp
;;             004b  ret
;;           out-of-line stubs
;;             004c  ud2  ; trap: call stack exhausted
;;             004e  ud2  ; trap: out of bounds memory access
;;
;; func 3 (param i64) (result i64): 76 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x4a
;;   0x51    local.get 0                   [i64:local 0]
;;   0x53    memory.grow                   [i64:rbx]
;;             001b  mov rbx, [rbp+0x10]
;;             001f  mov rsi, rbx
;;             0022  xor edx, edx
;;             0025  mov rdi, r14
;;             0028  call qword ptr [r14+0x18]
;;             002c  mov r15, [r14+8]
;;             0030  mov rbx, rax
;;   0x55    memory.size                   [i64:rbx, i64:rsi]
;;             0033  mov rax, [r14+0x10]
;;             0037  mov rsi, [rax+8]
;;             003b  shr rsi, 0x10
;;   0x57    i64.add                       [i64:rbx]
;;             003f  add rbx, rsi
;;   0x58    end                           (returned)
;;             0042  mov rax, rbx
;;             0045  mov rsp, rbp
;;             0048  pop rbp
;;             0049  ret
;;           out-of-line stubs
;;             004a  ud2  ; trap: call stack exhausted

;; ==== expected aarch64 ====
;; func 0 (param i64) (result i32): 96 bytes of aarch64
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
;;             0024  b.lo 0x58
;;   0x2b    local.get 0                   [i64:local 0]
;;   0x2d    i32.load offset=8             [i32:w0]
;;             0028  ldr x0, [x29, #0x10]
;;             002c  ldr x16, [x28, #0x10]
;;             0030  ldr x16, [x16, #0x8]
;;             0034  adds x17, x0, #0xc
;;             0038  b.hs 0x5c
;;             003c  cmp x17, x16
;;             0040  b.hi 0x5c
;;             0044  add x16, x27, w0
;;             0048  ldr w0, [x16, #0x8]  ; trap: out of bounds memory access
;;   0x30    end                           (returned)
;;             004c  mov sp, x29
;;             0050  ldp x29, x30, [sp], #0x10
;;             0054  ret
;;           out-of-line stubs
;;             0058  udf #0x0  ; trap: call stack exhausted
;;             005c  udf #0x0  ; trap: out of bounds memory access
;;
;; func 1 (param i64 i64): 112 bytes of aarch64
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
;;   0x33    local.get 0                   [i64:local 0]
;;   0x35    local.get 1                   [i64:local 0, i64:local 1]
;;   0x37    i64.store offset=4096         []
;;             0028  ldr x0, [x29, #0x18]
;;             002c  ldr x1, [x29, #0x10]
;;             0030  ldr x16, [x28, #0x10]
;;             0034  ldr x16, [x16, #0x8]
;;             0038  mov x17, #0x1008
;;             003c  adds x17, x17, x1
;;             0040  b.hs 0x6c
;;             0044  cmp x17, x16
;;             0048  b.hi 0x6c
;;             004c  add x16, x27, w1
;;             0050  str x0, [x16, #0x1000]  ; trap: out of bounds memory access
;;   0x3b    i64.const 16                  [i64:const 16]
;;   0x3d    local.get 1                   [i64:const 16, i64:local 1]
;;   0x3f    i64.store                     []
;;             0054  ldr x0, [x29, #0x18]
;;             0058  str x0, [x27, #0x10]  ; trap: out of bounds memory access
;;   0x42    end                           (returned)
;;             005c  mov sp, x29
;;             0060  ldp x29, x30, [sp], #0x10
;;             0064  ret
;;           out-of-line stubs
;;             0068  udf #0x0  ; trap: call stack exhausted
;;             006c  udf #0x0  ; trap: out of bounds memory access
;;
;; func 2 (param i64) (result i32): 96 bytes of aarch64
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
;;             0024  b.lo 0x58
;;   0x45    local.get 0                   [i64:local 0]
;;   0x47    i32.load8_u offset=4294967296 [i32:w0]
;;             0028  ldr x0, [x29, #0x10]
;;             002c  ldr x16, [x28, #0x10]
;;             0030  ldr x16, [x16, #0x8]
;;             0034  mov x17, #0x100000001
;;             0038  adds x17, x17, x0
;;             003c  b.hs 0x5c
;;             0040  cmp x17, x16
;;             0044  b.hi 0x5c
;;             0048  ldrb w0, [x27, w0, uxtw]  ; trap: out of bounds memory access
;;   0x4e    end                           (returned)
;;             004c  mov sp, x29
;;             0050  ldp x29, x30, [sp], #0x10
;;             0054  ret
;;           out-of-line stubs
;;             0058  udf #0x0  ; trap: call stack exhausted
;;             005c  udf #0x0  ; trap: out of bounds memory access
;;
;; func 3 (param i64) (result i64): 100 bytes of aarch64
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
;;   0x51    local.get 0                   [i64:local 0]
;;   0x53    memory.grow                   [i64:x0]
;;             0028  ldr x0, [x29, #0x10]
;;             002c  mov x1, x0
;;             0030  mov x2, #0x0
;;             0034  ldr x16, [x28, #0x18]
;;             0038  mov x0, x28
;;             003c  blr x16
;;             0040  ldr x27, [x28, #0x8]
;;   0x55    memory.size                   [i64:x0, i64:x1]
;;             0044  ldr x16, [x28, #0x10]
;;             0048  ldr x1, [x16, #0x8]
;;             004c  lsr x1, x1, #0x10
;;   0x57    i64.add                       [i64:x0]
;;             0050  add x0, x0, x1
;;   0x58    end                           (returned)
;;             0054  mov sp, x29
;;             0058  ldp x29, x30, [sp], #0x10
;;             005c  ret
;;           out-of-line stubs
;;             0060  udf #0x0  ; trap: call stack exhausted
