/* cue_spawn — the children of the cue module (see cue.h): speech and hook
 * processes started with posix_spawn, each in a process group of its own
 * (so that ending one ends what it started), stdin and output on
 * /dev/null, reaped without waiting, all ended when the session is. */
#include "cue.h"

#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "clock.h"
#include "diag.h"
#include "utf8.h"

extern char **environ;

#define CUE_KIDS_MAX (CUE_SPEECH_MAX + CUE_HOOKS_MAX)
#define CUE_SH "/bin/sh"

struct cue_kid {
	pid_t pid;
	bool speech;
	bool termed;                 /* SIGTERM sent */
	int64_t term_at;             /* when (cue_kids_close's clock) */
};

struct cue_kids {
	struct cue_front front;
	char **speech;               /* the speech command's words and a slot
	                              * for the text; NULL: no speech */
	size_t n_words;
	char *hook;                  /* the hook command; NULL: no hooks */
	struct cue_kid kid[CUE_KIDS_MAX];
	size_t n;
	int dropped;
};

/* ---- words ------------------------------------------------------------------- */

/* One word from *s into *out (advanced); false when a quote is open. */
static bool cue_word(const char **s, char **out)
{
	const char *p = *s;
	char *o = *out, q = 0;
	for (; *p && (q || (*p != ' ' && *p != '\t' && *p != '\n')); p++) {
		if (q == '\'' ? *p == '\'' : (q == '"' && *p == '"')) {
			q = 0;
		} else if (!q && (*p == '\'' || *p == '"')) {
			q = *p;
		} else if (*p == '\\' && q != '\'' && p[1] &&
			   (!q || strchr("\"\\$`", p[1]))) {
			*o++ = *++p;
		} else {
			*o++ = *p;
		}
	}
	*o++ = '\0';
	*s = p;
	*out = o;
	return q == 0;
}

char **cue_words(const char *cmd)
{
	size_t len = strlen(cmd), slots = (len + 1) / 2 + 2, n = 0;
	char **v = malloc(slots * sizeof *v + len + 1);
	if (!v)
		return NULL;
	char *o = (char *)(v + slots);
	for (const char *s = cmd;;) {
		while (*s == ' ' || *s == '\t' || *s == '\n')
			s++;
		if (!*s)
			break;
		v[n++] = o;
		if (!cue_word(&s, &o)) {
			free(v);
			return NULL;
		}
	}
	v[n] = NULL;
	if (n == 0) {
		free(v);
		return NULL;
	}
	return v;
}

/* ---- finding the speech program ------------------------------------------------ */

static bool cue_executable(const char *path)
{
	struct stat sb;
	return stat(path, &sb) == 0 && S_ISREG(sb.st_mode) && access(path, X_OK) == 0;
}

bool cue_findable(const char *prog)
{
	if (strchr(prog, '/'))
		return cue_executable(prog);
	const char *path = getenv("PATH");
	char buf[4096];
	for (path = path ? path : "/usr/bin:/bin"; ; path++) {
		size_t n = strcspn(path, ":");
		int k = snprintf(buf, sizeof buf, "%.*s%s%s", (int)n, path, n ? "/" : "", prog);
		if (k > 0 && (size_t)k < sizeof buf && cue_executable(buf))
			return true;
		path += n;
		if (!*path)
			return false;
	}
}

/* A warning for the front end; outside text in it quoted by cue_q. */
static void cue_warn(struct cue_kids *k, const char *fmt, ...) DIAG_PRINTF(2, 3);
static void cue_warn(struct cue_kids *k, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (k->front.warn)
		k->front.warn(k->front.ctx, msg);
}

/* s quoted and made safe, in q (DIAG_QUOTE_BUF bytes). */
static const char *cue_q(const char *s, char *q)
{
	return diag_quote(s, strlen(s), q, DIAG_QUOTE_BUF);
}

static void cue_no_speech(struct cue_kids *k)
{
	free(k->speech);
	k->speech = NULL;
}

/* The speech command's words, or espeak-ng, or spd-say; warns and leaves
 * speech off when there is none. */
static void cue_speech_open(struct cue_kids *k, const char *cmd)
{
	static const char *const progs[] = { "espeak-ng", "spd-say" };
	char q[DIAG_QUOTE_BUF];
	for (size_t i = 0; !cmd && i < 2; i++)
		if (cue_findable(progs[i]))
			cmd = progs[i];
	if (!cmd) {
		cue_warn(k, "no speech program: %s%s; going on without speech",
			 cue_q("espeak-ng", q), " (or spd-say) is not installed");
		return;
	}
	if (!(k->speech = cue_words(cmd))) {
		cue_warn(k, "speech command %s%s; going on without speech", cue_q(cmd, q),
			 " is empty or has an open quote");
		return;
	}
	while (k->speech[k->n_words])
		k->n_words++;
	if (!cue_findable(k->speech[0])) {
		cue_warn(k, "speech program %s%s; going on without speech",
			 cue_q(k->speech[0], q), " not found");
		cue_no_speech(k);
	}
}

struct cue_kids *cue_kids_open(const struct cue_config *cfg,
			       const struct cue_front *front)
{
	struct cue_kids *k = calloc(1, sizeof *k);
	if (!k)
		return NULL;
	k->front = *front;
	if (cfg->speak)
		cue_speech_open(k, cfg->speech_command);
	if (cfg->on_event && !(k->hook = strdup(cfg->on_event))) {
		cue_kids_close(k, 0, 0);
		return NULL;
	}
	return k;
}

/* ---- spawning ---------------------------------------------------------------- */

static int cue_actions(posix_spawn_file_actions_t *fa, posix_spawnattr_t *at)
{
	static const int dfl[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGTSTP,
				   SIGTTIN, SIGTTOU, SIGWINCH, SIGCHLD };
	sigset_t none, def;
	sigemptyset(&none);
	sigemptyset(&def);
	for (size_t i = 0; i < sizeof dfl / sizeof *dfl; i++)
		sigaddset(&def, dfl[i]);
	int rc = posix_spawn_file_actions_addopen(fa, 0, "/dev/null", O_RDONLY, 0);
	rc = rc ? rc : posix_spawn_file_actions_addopen(fa, 1, "/dev/null", O_WRONLY, 0);
	rc = rc ? rc : posix_spawn_file_actions_adddup2(fa, 1, 2);
	rc = rc ? rc : posix_spawnattr_setflags(at, POSIX_SPAWN_SETPGROUP |
						POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
	rc = rc ? rc : posix_spawnattr_setpgroup(at, 0);
	rc = rc ? rc : posix_spawnattr_setsigmask(at, &none);
	return rc ? rc : posix_spawnattr_setsigdefault(at, &def);
}

/* Starts argv (a name without a slash searched in $PATH) with envp,
 * stdin and output on /dev/null, in a new process group. 0 or an errno. */
static int cue_spawn(struct cue_kids *k, char *const argv[], char *const envp[],
		     bool speech)
{
	posix_spawn_file_actions_t fa;
	posix_spawnattr_t at;
	pid_t pid;
	if (posix_spawn_file_actions_init(&fa) != 0)
		return ENOMEM;
	if (posix_spawnattr_init(&at) != 0) {
		posix_spawn_file_actions_destroy(&fa);
		return ENOMEM;
	}
	int rc = cue_actions(&fa, &at);
	if (rc == 0)
		rc = posix_spawnp(&pid, argv[0], &fa, &at, argv, envp);
	posix_spawnattr_destroy(&at);
	posix_spawn_file_actions_destroy(&fa);
	if (rc == 0)
		k->kid[k->n++] = (struct cue_kid){ .pid = pid, .speech = speech };
	return rc;
}

/* A signal to the child's process group (to the child alone if that
 * fails: its group may not be set up yet). */
static void cue_signal(struct cue_kid *c, int sig)
{
	if (kill(-c->pid, sig) != 0)
		kill(c->pid, sig);
}

static size_t cue_count(const struct cue_kids *k, bool speech)
{
	size_t n = 0;
	for (size_t i = 0; i < k->n; i++)
		n += k->kid[i].speech == speech;
	return n;
}

void cue_kids_say(struct cue_kids *k, const char *text)
{
	if (!k || !k->speech)
		return;
	cue_kids_reap(k);
	for (size_t i = 0; i < k->n; i++) {
		struct cue_kid *c = &k->kid[i];
		if (c->speech) {   /* a newer utterance ends an older one */
			cue_signal(c, c->termed ? SIGKILL : SIGTERM);
			c->termed = true;
		}
	}
	if (cue_count(k, true) >= CUE_SPEECH_MAX)
		return;
	k->speech[k->n_words] = (char *)text;
	k->speech[k->n_words + 1] = NULL;
	int rc = cue_spawn(k, k->speech, environ, true);
	k->speech[k->n_words] = NULL;
	if (rc != 0) {
		char q[DIAG_QUOTE_BUF];
		cue_warn(k, "cannot run the speech program %s: %s; going on without speech",
			 cue_q(k->speech[0], q), strerror(rc));
		cue_no_speech(k);
	}
}

/* ---- hooks ------------------------------------------------------------------ */

enum { CUE_NVARS = 9, CUE_VAR = 320 };

static bool cue_ours(const char *e)
{
	static const char *const names[CUE_NVARS] = {
		"EVENT", "ROUTINE", "EXERCISE", "SIDE", "SET", "REP", "KIND",
		"REMAINING_S", "ELAPSED_S" };
	if (strncmp(e, "STRETCHTUI_", 11) != 0)
		return false;
	for (size_t i = 0; i < CUE_NVARS; i++) {
		size_t n = strlen(names[i]);
		if (strncmp(e + 11, names[i], n) == 0 && e[11 + n] == '=')
			return true;
	}
	return false;
}

static void cue_var(char *buf, const char *name, const char *value)
{
	int n = snprintf(buf, CUE_VAR, "STRETCHTUI_%s=", name);
	utf8_safe(value, buf + n, CUE_VAR - (size_t)n);
}

/* environ without our names, then h's variables (vars is their room). */
static char **cue_env(const struct cue_hook *h, char vars[CUE_NVARS][CUE_VAR])
{
	size_t n = 0, k = 0;
	while (environ[n])
		n++;
	char **env = malloc((n + CUE_NVARS + 1) * sizeof *env);
	if (!env)
		return NULL;
	for (size_t i = 0; i < n; i++)
		if (!cue_ours(environ[i]))
			env[k++] = environ[i];
	char rem[24], ela[24];
	snprintf(rem, sizeof rem, "%lld", (long long)h->remaining_s);
	snprintf(ela, sizeof ela, "%lld", (long long)h->elapsed_s);
	const char *v[CUE_NVARS][2] = {
		{ "EVENT", h->event }, { "ROUTINE", h->routine }, { "EXERCISE", h->exercise },
		{ "SIDE", h->side }, { "SET", h->set }, { "REP", h->rep }, { "KIND", h->kind },
		{ "REMAINING_S", rem }, { "ELAPSED_S", ela } };
	for (size_t i = 0; i < CUE_NVARS; i++) {
		cue_var(vars[i], v[i][0], v[i][1] ? v[i][1] : "");
		env[k++] = vars[i];
	}
	env[k] = NULL;
	return env;
}

void cue_kids_hook(struct cue_kids *k, const struct cue_hook *h)
{
	char vars[CUE_NVARS][CUE_VAR];
	if (!k || !k->hook)
		return;
	cue_kids_reap(k);
	if (cue_count(k, false) >= CUE_HOOKS_MAX) {
		k->dropped++;
		return;
	}
	char **env = cue_env(h, vars);
	char sh[] = CUE_SH, dash_c[] = "-c";
	char *argv[] = { sh, dash_c, k->hook, NULL };
	int rc = env ? cue_spawn(k, argv, env, false) : ENOMEM;
	free(env);
	if (rc != 0) {
		k->dropped++;
		if (rc != ENOMEM && rc != EAGAIN) {
			char q[DIAG_QUOTE_BUF];
			cue_warn(k, "cannot run %s: %s; no more event hooks", cue_q(CUE_SH, q),
				 strerror(rc));
			free(k->hook);
			k->hook = NULL;
		}
	}
}

int cue_kids_run(struct cue_kids *k, char *const argv[])
{
	if (!k)
		return ENOMEM;
	cue_kids_reap(k);
	if (cue_count(k, false) >= CUE_HOOKS_MAX) {
		k->dropped++;
		return EAGAIN;
	}
	return cue_spawn(k, argv, environ, false);
}

/* ---- reaping and ending ------------------------------------------------------- */

static void cue_forget(struct cue_kids *k, size_t i)
{
	k->kid[i] = k->kid[--k->n];
}

/* Whether child i has ended (and is reaped now). */
static bool cue_reaped(struct cue_kids *k, size_t i, int *status)
{
	pid_t r = waitpid(k->kid[i].pid, status, WNOHANG);
	return r == k->kid[i].pid || (r < 0 && errno == ECHILD);
}

void cue_kids_reap(struct cue_kids *k)
{
	if (!k)
		return;
	for (size_t i = 0; i < k->n;) {
		int st = 0;
		if (!cue_reaped(k, i, &st)) {
			i++;
			continue;
		}
		/* 127: a wrapper's "command not found" */
		if (k->kid[i].speech && k->speech && WIFEXITED(st) && WEXITSTATUS(st) == 127) {
			char q[DIAG_QUOTE_BUF];
			cue_warn(k, "speech command %s%s; going on without speech",
				 cue_q(k->speech[0], q), " exited with status 127 (not found)");
			cue_no_speech(k);
		}
		cue_forget(k, i);
	}
}

size_t cue_kids_alive(const struct cue_kids *k)
{
	return k ? k->n : 0;
}

int cue_kids_dropped(const struct cue_kids *k)
{
	return k ? k->dropped : 0;
}

/* One round of the end at t ms: TERM what has had its grace, KILL (and
 * reap) what was TERMed CUE_TERM_MS ago. */
static void cue_end_round(struct cue_kids *k, int64_t t, int64_t speech_ms,
			  int64_t hook_ms)
{
	for (size_t i = 0; i < k->n;) {
		struct cue_kid *c = &k->kid[i];
		if (!c->termed && t >= (c->speech ? speech_ms : hook_ms)) {
			cue_signal(c, SIGTERM);
			c->termed = true;
			c->term_at = t;
		} else if (c->termed && t >= c->term_at + CUE_TERM_MS) {
			cue_signal(c, SIGKILL);
			while (waitpid(c->pid, NULL, 0) < 0 && errno == EINTR)
				;
			cue_forget(k, i);
			continue;
		}
		i++;
	}
}

void cue_kids_close(struct cue_kids *k, int64_t speech_ms, int64_t hook_ms)
{
	if (!k)
		return;
	int64_t t0 = clock_now_ms();
	for (size_t i = 0; i < k->n; i++)
		k->kid[i].term_at = 0;   /* TERMed before: CUE_TERM_MS from now */
	for (cue_kids_reap(k); k->n > 0; cue_kids_reap(k)) {
		cue_end_round(k, clock_now_ms() - t0, speech_ms, hook_ms);
		if (k->n > 0)
			poll(NULL, 0, 5);
	}
	free(k->speech);
	free(k->hook);
	free(k);
}
