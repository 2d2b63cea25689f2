;; targets: x86_64 aarch64
;;
;; i64 arithmetic: a constant that fits 32 bits is an immediate, a
;; larger one is materialized in a scratch register first.

(module
  (func (param i64 i64) (result i64)
    (i64.add (local.get 0) (i64.const 42))
    (i64.add (i64.const 0x123456789))
    (i64.sub (local.get 1))
    (i64.mul (local.get 1))
    (i64.div_s (local.get 1))
    (i64.rem_u (local.get 1))
    (i64.shl (i64.const 7))
    (i64.rotr (local.get 1))
    (i64.clz)
    (i64.popcnt))
  (func (param i64 i64) (result i32)
    (i64.lt_u (local.get 0) (local.get 1))
    (i64.eqz (local.get 0))
    i32.and))

;; ==== expected x86_64 ====
;; func 0 (param i64 i64) (result i64): 155 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x95
;;   0x21    local.get 0                   [i64:local 0]
;;   0x23    i64.const 42                  [i64:local 0, i64:const 42]
;;   0x25    i64.add                       [i64:rbx]
;;             001b  mov rbx, [rbp+0x10]
;;             001f  add rbx, 0x2a
;;   0x26    i64.const 4886718345          [i64:rbx, i64:const 4886718345]
;;   0x2c    i64.add                       [i64:rbx]
;;             0023  mov r11, 0x123456789
;;             002d  add rbx, r11
;;   0x2d    local.get 1                   [i64:rbx, i64:local 1]
;;   0x2f    i64.sub                       [i64:rbx]
;;             0030  sub rbx, [rbp+0x18]
;;   0x30    local.get 1                   [i64:rbx, i64:local 1]
;;   0x32    i64.mul                       [i64:rbx]
;;             0034  imul rbx, [rbp+0x18]
;;   0x33    local.get 1                   [i64:rbx, i64:local 1]
;;   0x35    i64.div_s                     [i64:rbx]
;;             0039  mov rcx, [rbp+0x18]
;;             003d  test rcx, rcx
;;             0040  je 0x97
;;             0046  cmp rcx, 0xffffffffffffffff
;;             004a  jne 0x56
;;             004c  cmp rbx, 1
;;             0050  jo 0x99
;;             0056  mov rax, rbx
;;             0059  cqo
;;             005b  idiv rcx
;;             005e  mov rbx, rax
;;   0x36    local.get 1                   [i64:rbx, i64:local 1]
;;   0x38    i64.rem_u                     [i64:rbx]
;;             0061  mov rcx, [rbp+0x18]
;;             0065  test rcx, rcx
;;             0068  je 0x97
;;             006e  mov rax, rbx
;;             0071  xor edx, edx
;;             0073  div rcx
;;             0076  mov rbx, rdx
;;   0x39    i64.const 7                   [i64:rbx, i64:const 7]
;;   0x3b    i64.shl                       [i64:rbx]
;;             0079  shl rbx, 7
;;   0x3c    local.get 1                   [i64:rbx, i64:local 1]
;;   0x3e    i64.rotr                      [i64:rbx]
;;             007d  mov ecx, [rbp+0x18]
;;             0080  ror rbx, cl
;;   0x3f    i64.clz                       [i64:rbx]
;;             0083  lzcnt rbx, rbx
;;   0x40    i64.popcnt                    [i64:rbx]
;;             0088  popcnt rbx, rbx
;;   0x41    end                           (returned)
;;             008d  mov rax, rbx
;;             0090  mov rsp, rbp
;;             0093  pop rbp
;;             0094  ret
;;           out-of-line stubs
;;             0095  ud2  ; trap: call stack exhausted
;;             0097  ud2  ; trap: integer divide by zero
;;             0099  ud2  ; trap: integer overflow
;;
;; func 1 (param i64 i64) (result i32): 67 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x41
;;   0x44    local.get 0                   [i64:local 0]
;;   0x46    local.get 1                   [i64:local 0, i64:local 1]
;;   0x48    i64.lt_u                      [i32:ebx]
;;             001b  mov rbx, [rbp+0x10]
;;             001f  cmp rbx, [rbp+0x18]
;;             0023  setb al
;;             0026  movzx ebx, al
;;   0x49    local.get 0                   [i32:ebx, i64:local 0]
;;   0x4b    i64.eqz                       [i32:ebx, i32:esi]
;;             002a  mov rsi, [rbp+0x10]
;;             002e  test rsi, rsi
;;             0031  sete al
;;             0034  movzx esi, al
;;   0x4c    i32.and                       [i32:ebx]
;;             0038  and ebx, esi
;;   0x4d    end                           (returned)
;;             003a  mov eax, ebx
;;             003c  mov rsp, rbp
;;             003f  pop rbp
;;             0040  ret
;;           out-of-line stubs
;;             0041  ud2  ; trap: call stack exhausted

;; ==== expected aarch64 ====
;; func 0 (param i64 i64) (result i64): 176 bytes of aarch64
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
;;             0024  b.lo 0xa4
;;   0x21    local.get 0                   [i64:local 0]
;;   0x23    i64.const 42                  [i64:local 0, i64:const 42]
;;   0x25    i64.add                       [i64:x0]
;;             0028  ldr x0, [x29, #0x10]
;;             002c  add x0, x0, #0x2a
;;   0x26    i64.const 4886718345          [i64:x0, i64:const 4886718345]
;;   0x2c    i64.add                       [i64:x0]
;;             0030  mov x17, #0x6789
;;             0034  movk x17, #0x2345, lsl #16
;;             0038  movk x17, #0x1, lsl #32
;;             003c  add x0, x0, x17
;;   0x2d    local.get 1                   [i64:x0, i64:local 1]
;;   0x2f    i64.sub                       [i64:x0]
;;             0040  ldr x17, [x29, #0x18]
;;             0044  sub x0, x0, x17
;;   0x30    local.get 1                   [i64:x0, i64:local 1]
;;   0x32    i64.mul                       [i64:x0]
;;             0048  ldr x17, [x29, #0x18]
;;             004c  mul x0, x0, x17
;;   0x33    local.get 1                   [i64:x0, i64:local 1]
;;   0x35    i64.div_s                     [i64:x0]
;;             0050  ldr x17, [x29, #0x18]
;;             0054  cbz x17, 0xa8
;;             0058  cmn x17, #0x1
;;             005c  ccmp x0, #0x1, #0x0, eq
;;             0060  b.vs 0xac
;;             0064  sdiv x0, x0, x17
;;   0x36    local.get 1                   [i64:x0, i64:local 1]
;;   0x38    i64.rem_u                     [i64:x0]
;;             0068  ldr x17, [x29, #0x18]
;;             006c  cbz x17, 0xa8
;;             0070  udiv x16, x0, x17
;;             0074  msub x0, x16, x17, x0
;;   0x39    i64.const 7                   [i64:x0, i64:const 7]
;;   0x3b    i64.shl                       [i64:x0]
;;             0078  lsl x0, x0, #0x7
;;   0x3c    local.get 1                   [i64:x0, i64:local 1]
;;   0x3e    i64.rotr                      [i64:x0]
;;             007c  ldr x17, [x29, #0x18]
;;             0080  ror x0, x0, x17
;;   0x3f    i64.clz                       [i64:x0]
;;             0084  clz x0, x0
;;   0x40    i64.popcnt                    [i64:x0]
;;             0088  fmov d31, x0
;;             008c  cnt v31.8b, v31.8b
;;             0090  addv b31, v31.8b
;;             0094  fmov w0, s31
;;   0x41    end                           (returned)
;;             0098  mov sp, x29
;;             009c  ldp x29, x30, [sp], #0x10
;;             00a0  ret
;;           out-of-line stubs
;;             00a4  udf #0x0  ; trap: call stack exhausted
;;             00a8  udf #0x0  ; trap: integer divide by zero
;;             00ac  udf #0x0  ; trap: integer overflow
;;
;; func 1 (param i64 i64) (result i32): 88 bytes of aarch64
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
;;             0024  b.lo 0x54
;;   0x44    local.get 0                   [i64:local 0]
;;   0x46    local.get 1                   [i64:local 0, i64:local 1]
;;   0x48    i64.lt_u                      [i32:w0]
;;             0028  ldr x0, [x29, #0x10]
;;             002c  ldr x17, [x29, #0x18]
;;             0030  cmp x0, x17
;;             0034  cset w0, lo
;;   0x49    local.get 0                   [i32:w0, i64:local 0]
;;   0x4b    i64.eqz                       [i32:w0, i32:w1]
;;             0038  ldr x1, [x29, #0x10]
;;             003c  cmp x1, #0x0
;;             0040  cset w1, eq
;;   0x4c    i32.and                       [i32:w0]
;;             0044  and w0, w0, w1
;;   0x4d    end                           (returned)
;;             0048  mov sp, x29
;;             004c  ldp x29, x30, [sp], #0x10
;;             0050  ret
;;           out-of-line stubs
;;             0054  udf #0x0  ; trap: call stack exhausted
