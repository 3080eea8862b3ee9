package storage

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"followup/forms"
)

// TestBackupDuringSaves backs up while a stream of saves goes on: the copy
// passes the integrity check and holds every save acknowledged before the
// backup began.
func TestBackupDuringSaves(t *testing.T) {
	ctx := context.Background()
	fx := newFixture(t)
	db := fx.db
	inProgress := fx.status(t, "Pågår")
	var acked atomic.Int64 // highest comment number acknowledged
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := int64(1); ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			cur, err := db.Response(ctx, fx.round, fx.bou.ID)
			if err != nil {
				t.Error(err)
				return
			}
			comment := "sparning " + itoa64(i)
			in := forms.SaveInput{Answers: []forms.AnswerInput{{ActivityID: fx.actA, StatusID: inProgress, Comment: comment, BaseVersion: cur.Answers[fx.actA].Version}}}
			if _, err := db.SaveResponse(ctx, fx.loc, fx.round, fx.bou.ID, in, "test"); err != nil {
				t.Error(err)
				return
			}
			acked.Store(i)
		}
	}()
	time.Sleep(100 * time.Millisecond)
	before := acked.Load()
	dest := filepath.Join(t.TempDir(), "copy.db")
	if err := BackupFile(ctx, db.path, dest, db.busy); err != nil {
		t.Fatal(err)
	}
	time.Sleep(50 * time.Millisecond)
	close(stop)
	wg.Wait()
	if before == 0 {
		t.Fatal("no save was acknowledged before the backup")
	}
	if err := CheckIntegrity(ctx, dest); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat(dest); err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("the backup's permissions are %v, want 0600: every answer is in it", st.Mode().Perm())
	}
	conn, err := sql.Open("sqlite3", "file:"+dest+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var version int64
	if err := conn.QueryRow(`SELECT version FROM answers WHERE activity_id = ?`, fx.actA).Scan(&version); err != nil {
		t.Fatal(err)
	}
	if version < before {
		t.Fatalf("the copy holds answer version %d, but %d saves were acknowledged before the backup began", version, before)
	}
	if err := BackupFile(ctx, db.path, dest, db.busy); err == nil {
		t.Fatal("a backup over an existing file must be refused")
	}
}

func itoa64(i int64) string {
	const digits = "0123456789"
	if i < 10 {
		return digits[i : i+1]
	}
	return itoa64(i/10) + digits[i%10:i%10+1]
}
