;; targets: x86_64 aarch64
;; memory: 1048576 0
;;
;; Explicit bounds checks: with a 1 MiB reservation and no guard
;; (`Config::memory_reservation`, `Config::memory_guard_size`) the mapping
;; cannot catch an out-of-bounds access by a fault, so each access first
;; compares index + offset + size with the memory's current length (read
;; through its `MemoryDef`) and branches to the function's shared
;; out-of-line trap stub. A large offset does not fit the compare's
;; immediate; a constant address is folded into the compared end; a second
;; memory reads its own length.

(module
  (memory 1)
  (memory $other 1)
  (func (param i32) (result i32)
    (i32.load offset=8 (local.get 0)))
  (func (param i32) (result i64)
    (i64.load offset=0xfffffff0 (local.get 0)))
  (func (param i32 i32)
    (i32.store8 (local.get 0) (local.get 1))
    (i32.store (i32.const 65532) (local.get 1)))
  (func (param i32) (result i32)
    (i32.load16_u $other (local.get 0))))

;; ==== expected x86_64 ====
;; func 0 (param i32) (result i32): 65 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x10
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x3d
;;   0x2d    local.get 0                   [i32:local 0]
;;   0x2f    i32.load offset=8             [i32:ebx]
;;             001b  mov ebx, [rbp+0x10]
;;             001e  mov r11, [r14+0x10]
;;             0022  lea rax, [rbx+0xc]
;;             0027  cmp rax, [r11+8]
;;             002b  ja 0x3f
;;             0031  mov ebx, [r15+rbx+8]  ; trap: out of bounds memory access
;;   0x32    end                           (returned)
;;             0036  mov eax, ebx
;;             0038  mov rsp, rbp
;;             003b  pop rbp
;;             003c  ret
;;           out-of-line stubs
;;             003d  ud2  ; trap: call stack exhausted
;;             003f  ud2  ; trap: out of bounds memory access
;;
;; func 1 (param i32) (result i64): 78 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x10
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x4a
;;   0x35    local.get 0                   [i32:local 0]
;;   0x37    i64.load offset=4294967280    [i64:rbx]
;;             001b  mov ebx, [rbp+0x10]
;;             001e  mov r11, [r14+0x10]
;;             0022  mov eax, 0xfffffff8
;;             0028  add rax, rbx
;;             002b  cmp rax, [r11+8]
;;             002f  ja 0x4c
;;             0035  mov r11d, 0xfffffff0
;;             003b  add r11, rbx
;;             003e  mov rbx, [r15+r11]  ; trap: out of bounds memory access
;;   0x3e    end                           (returned)
;;             0042  mov rax, rbx
;;             0045  mov rsp, rbp
;;             0048  pop rbp
;;             0049  ret
;;           out-of-line stubs
;;             004a  ud2  ; trap: call stack exhausted
;;             004c  ud2  ; trap: out of bounds memory access
;;
;; func 2 (param i32 i32): 93 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x59
;;   0x41    local.get 0                   [i32:local 0]
;;   0x43    local.get 1                   [i32:local 0, i32:local 1]
;;   0x45    i32.store8                    []
;;             001b  mov ebx, [rbp+0x18]
;;             001e  mov esi, [rbp+0x10]
;;             0021  mov r11, [r14+0x10]
;;             0025  lea rax, [rsi+1]
;;             002a  cmp rax, [r11+8]
;;             002e  ja 0x5b
;;             0034  mov [r15+rsi], bl  ; trap: out of bounds memory access
;;   0x48    i32.const 65532               [i32:const 65532]
;;   0x4c    local.get 1                   [i32:const 65532, i32:local 1]
;;   0x4e    i32.store                     []
;;             0038  mov ebx, [rbp+0x18]
;;             003b  mov r11, [r14+0x10]
;;             003f  cmp qword ptr [r11+8], 0x10000
;;             0047  jb 0x5b
;;             004d  mov [r15+0xfffc], ebx  ; trap: out of bounds memory access
;;   0x51    end                           (returned)
;;             0054  mov rsp, rbp
;;             0057  pop rbp
;;             0058  ret
;;           out-of-line stubs
;;             0059  ud2  ; trap: call stack exhausted
;;             005b  ud2  ; trap: out of bounds memory access
;;
;; func 3 (param i32) (result i32): 82 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x10
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x4e
;;   0x54    local.get 0                   [i32:local 0]
;;   0x56    i32.load16_u $other           [i32:ebx]
;;             001b  mov ebx, [rbp+0x10]
;;             001e  mov r11, [r14+0x110]
;;             0025  lea rax, [rbx+2]
;;             002a  cmp rax, [r11+8]
;;             002e  ja 0x50
;;             0034  mov r15, [r14+0x110]
;;             003b  mov r15, [r15]
;;             003e  movzx ebx, word ptr [r15+rbx]  ; trap: out of bounds memory access
;;             0043  mov r15, [r14+8]
;;   0x5a    end                           (returned)
;;             0047  mov eax, ebx
;;             0049  mov rsp, rbp
;;             004c  pop rbp
;;             004d  ret
;;           out-of-line stubs
;;             004e  ud2  ; trap: call stack exhausted
;;             0050  ud2  ; trap: out of bounds memory access

;; ==== expected aarch64 ====
;; func 0 (param i32) (result i32): 96 bytes of aarch64
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
;;   0x2d    local.get 0                   [i32:local 0]
;;   0x2f    i32.load offset=8             [i32:w0]
;;             0028  ldr w0, [x29, #0x10]
;;             002c  ldr x16, [x28, #0x10]
;;             0030  ldr x16, [x16, #0x8]
;;             0034  mov x17, #0xc
;;             0038  add x17, x17, w0
;;             003c  cmp x17, x16
;;             0040  b.hi 0x5c
;;             0044  add x16, x27, w0
;;             0048  ldr w0, [x16, #0x8]  ; trap: out of bounds memory access
;;   0x32    end                           (returned)
;;             004c  mov sp, x29
;;             0050  ldp x29, x30, [sp], #0x10
;;             0054  ret
;;           out-of-line stubs
;;             0058  udf #0x0  ; trap: call stack exhausted
;;             005c  udf #0x0  ; trap: out of bounds memory access
;;
;; func 1 (param i32) (result i64): 100 bytes of aarch64
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
;;             0024  b.lo 0x5c
;;   0x35    local.get 0                   [i32:local 0]
;;   0x37    i64.load offset=4294967280    [i64:x0]
;;             0028  ldr w0, [x29, #0x10]
;;             002c  ldr x16, [x28, #0x10]
;;             0030  ldr x16, [x16, #0x8]
;;             0034  mov x17, #0xfffffff8
;;             0038  add x17, x17, w0
;;             003c  cmp x17, x16
;;             0040  b.hi 0x60
;;             0044  mov x17, #0xfffffff0
;;             0048  add x17, x17, w0
;;             004c  ldr x0, [x27, x17]  ; trap: out of bounds memory access
;;   0x3e    end                           (returned)
;;             0050  mov sp, x29
;;             0054  ldp x29, x30, [sp], #0x10
;;             0058  ret
;;           out-of-line stubs
;;             005c  udf #0x0  ; trap: call stack exhausted
;;             0060  udf #0x0  ; trap: out of bounds memory access
;;
;; func 2 (param i32 i32): 128 bytes of aarch64
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
;;             0024  b.lo 0x78
;;   0x41    local.get 0                   [i32:local 0]
;;   0x43    local.get 1                   [i32:local 0, i32:local 1]
;;   0x45    i32.store8                    []
;;             0028  ldr w0, [x29, #0x18]
;;             002c  ldr w1, [x29, #0x10]
;;             0030  ldr x16, [x28, #0x10]
;;             0034  ldr x16, [x16, #0x8]
;;             0038  mov x17, #0x1
;;             003c  add x17, x17, w1
;;             0040  cmp x17, x16
;;             0044  b.hi 0x7c
;;             0048  strb w0, [x27, w1, uxtw]  ; trap: out of bounds memory access
;;   0x48    i32.const 65532               [i32:const 65532]
;;   0x4c    local.get 1                   [i32:const 65532, i32:local 1]
;;   0x4e    i32.store                     []
;;             004c  ldr w0, [x29, #0x18]
;;             0050  ldr x16, [x28, #0x10]
;;             0054  ldr x16, [x16, #0x8]
;;             0058  mov x17, #0x10000
;;             005c  cmp x17, x16
;;             0060  b.hi 0x7c
;;             0064  mov x17, #0xfffc
;;             0068  str w0, [x27, x17]  ; trap: out of bounds memory access
;;   0x51    end                           (returned)
;;             006c  mov sp, x29
;;             0070  ldp x29, x30, [sp], #0x10
;;             0074  ret
;;           out-of-line stubs
;;             0078  udf #0x0  ; trap: call stack exhausted
;;             007c  udf #0x0  ; trap: out of bounds memory access
;;
;; func 3 (param i32) (result i32): 104 bytes of aarch64
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
;;             0024  b.lo 0x60
;;   0x54    local.get 0                   [i32:local 0]
;;   0x56    i32.load16_u $other           [i32:w0]
;;             0028  ldr w0, [x29, #0x10]
;;             002c  ldr x16, [x28, #0x110]
;;             0030  ldr x16, [x16, #0x8]
;;             0034  mov x17, #0x2
;;             0038  add x17, x17, w0
;;             003c  cmp x17, x16
;;             0040  b.hi 0x64
;;             0044  ldr x27, [x28, #0x110]
;;             0048  ldr x27, [x27]
;;             004c  ldrh w0, [x27, w0, uxtw]  ; trap: out of bounds memory access
;;             0050  ldr x27, [x28, #0x8]
;;   0x5a    end                           (returned)
;;             0054  mov sp, x29
;;             0058  ldp x29, x30, [sp], #0x10
;;             005c  ret
;;           out-of-line stubs
;;             0060  udf #0x0  ; trap: call stack exhausted
;;             0064  udf #0x0  ; trap: out of bounds memory access
