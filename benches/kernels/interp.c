/* A small interpreter: a stack-based bytecode VM with a switch dispatch
 * loop, running a bytecode program that sums the Collatz sequence lengths of
 * 1..n. Indirect branches, a memory-resident operand stack and 64-bit
 * arithmetic: the shape of every scripting-language core. */
#include "kernel.h"

enum { PUSH, LOAD, STORE, ADD, MUL, AND, SHR, NE, GT, JZ, JNZ, JMP, HALT };

static int32_t code[256];
static int32_t len;

static int32_t emit(int32_t word) {
    code[len] = word;
    return len++;
}

/* Executes `prog` with registers `regs`; returns when it reaches HALT. */
static void exec(const int32_t *prog, int64_t *regs) {
    int64_t stack[64];
    int32_t sp = 0, pc = 0;
    for (;;) {
        int32_t op = prog[pc++];
        switch (op) {
        case PUSH: stack[sp++] = prog[pc++]; break;
        case LOAD: stack[sp++] = regs[prog[pc++]]; break;
        case STORE: regs[prog[pc++]] = stack[--sp]; break;
        case ADD: sp--; stack[sp - 1] = (int64_t)((uint64_t)stack[sp - 1] + (uint64_t)stack[sp]); break;
        case MUL: sp--; stack[sp - 1] = (int64_t)((uint64_t)stack[sp - 1] * (uint64_t)stack[sp]); break;
        case AND: sp--; stack[sp - 1] &= stack[sp]; break;
        case SHR: sp--; stack[sp - 1] = (int64_t)((uint64_t)stack[sp - 1] >> (stack[sp] & 63)); break;
        case NE: sp--; stack[sp - 1] = stack[sp - 1] != stack[sp]; break;
        case GT: sp--; stack[sp - 1] = stack[sp - 1] > stack[sp]; break;
        case JZ: { int32_t t = prog[pc++]; if (stack[--sp] == 0) pc = t; break; }
        case JNZ: { int32_t t = prog[pc++]; if (stack[--sp] != 0) pc = t; break; }
        case JMP: pc = prog[pc]; break;
        case HALT: return;
        default: return;
        }
    }
}

/* Assembles the program. Registers: r0 = i, r1 = x, r2 = total, r3 = n. */
static void assemble(void) {
    len = 0;
    emit(PUSH); emit(1); emit(STORE); emit(0);             /* i = 1 */
    emit(PUSH); emit(0); emit(STORE); emit(2);             /* total = 0 */
    int32_t outer = len;
    emit(LOAD); emit(0); emit(LOAD); emit(3); emit(GT);    /* i > n ? */
    emit(JNZ); int32_t to_end = emit(0);
    emit(LOAD); emit(0); emit(STORE); emit(1);             /* x = i */
    int32_t inner = len;
    emit(LOAD); emit(1); emit(PUSH); emit(1); emit(NE);    /* while x != 1 */
    emit(JZ); int32_t to_next = emit(0);
    emit(LOAD); emit(1); emit(PUSH); emit(1); emit(AND);   /* odd? */
    emit(JZ); int32_t to_even = emit(0);
    emit(LOAD); emit(1); emit(PUSH); emit(3); emit(MUL);   /* x = 3x + 1 */
    emit(PUSH); emit(1); emit(ADD); emit(STORE); emit(1);
    emit(JMP); int32_t to_cont = emit(0);
    code[to_even] = len;
    emit(LOAD); emit(1); emit(PUSH); emit(1); emit(SHR);   /* x = x >> 1 */
    emit(STORE); emit(1);
    code[to_cont] = len;
    emit(LOAD); emit(2); emit(PUSH); emit(1); emit(ADD);   /* total++ */
    emit(STORE); emit(2);
    emit(JMP); emit(inner);
    code[to_next] = len;
    emit(LOAD); emit(0); emit(PUSH); emit(1); emit(ADD);   /* i++ */
    emit(STORE); emit(0);
    emit(JMP); emit(outer);
    code[to_end] = len;
    emit(HALT);
}

EXPORT uint32_t run(uint32_t n) {
    int64_t regs[4] = {0, 0, 0, (int64_t)n};
    assemble();
    exec(code, regs);
    uint32_t h = FNV_INIT;
    h = fnv1a(h, (uint32_t)regs[2]);
    h = fnv1a(h, (uint32_t)((uint64_t)regs[2] >> 32));
    return h;
}
