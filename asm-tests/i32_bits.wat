;; targets: x86_64 aarch64
;;
;; Bit counting and eqz.

(module
  (func (param i32) (result i32)
    (i32.clz (local.get 0))
    (i32.ctz)
    (i32.popcnt)
    (i32.eqz)))

;; ==== expected x86_64 ====
;; func 0 (param i32) (result i32): 63 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x10
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x3d
;;   0x19    local.get 0                   [i32:local 0]
;;   0x1b    i32.clz                       [i32:ebx]
;;             001b  mov ebx, [rbp+0x10]
;;             001e  lzcnt ebx, ebx
;;   0x1c    i32.ctz                       [i32:ebx]
;;             0023  tzcnt ebx, ebx
;;   0x1d    i32.popcnt                    [i32:ebx]
;;             0028  popcnt ebx, ebx
;;   0x1e    i32.eqz                       [i32:ebx]
;;             002d  test ebx, ebx
;;             002f  sete al
;;             0032  movzx ebx, al
;;   0x1f    end                           (returned)
;;             0036  mov eax, ebx
;;             0038  mov rsp, rbp
;;             003b  pop rbp
;;             003c  ret
;;           out-of-line stubs
;;             003d  ud2  ; trap: call stack exhausted

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
;;             0024  b.lo 0x5c
;;   0x19    local.get 0                   [i32:local 0]
;;   0x1b    i32.clz                       [i32:w0]
;;             0028  ldr w0, [x29, #0x10]
;;             002c  clz w0, w0
;;   0x1c    i32.ctz                       [i32:w0]
;;             0030  rbit w0, w0
;;             0034  clz w0, w0
;;   0x1d    i32.popcnt                    [i32:w0]
;;             0038  fmov s31, w0
;;             003c  cnt v31.8b, v31.8b
;;             0040  addv b31, v31.8b
;;             0044  fmov w0, s31
;;   0x1e    i32.eqz                       [i32:w0]
;;             0048  cmp w0, #0x0
;;             004c  cset w0, eq
;;   0x1f    end                           (returned)
;;             0050  mov sp, x29
;;             0054  ldp x29, x30, [sp], #0x10
;;             0058  ret
;;           out-of-line stubs
;;             005c  udf #0x0  ; trap: call stack exhausted
