from django.db import models


class Outcome(models.TextChoices):
    ONGOING = "ongoing", "Ongoing"
    COMPLETED = "completed", "Completed"
    STAYED = "stayed", "Mentee stayed active"
    BECAME_MENTOR = "became-mentor", "Mentee became a mentor"
    ENDED_EARLY = "ended-early", "Ended early"


class Mentorship(models.Model):
    mentor = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="mentorships_given")
    mentee = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="mentorships_received")
    started_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)
    outcome = models.CharField(max_length=20, choices=Outcome.choices, default=Outcome.ONGOING)
    goal = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-started_on"]
